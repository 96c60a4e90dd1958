import { useState } from 'react';
import type { LimitKey } from '../../../domain/plans';
import type { UserPage } from '../../../domain/pages';
import type { LimitValue, PlanFormErrors, PlanFormValues } from './plan-form';

type ScalarField = Exclude<keyof PlanFormValues, 'limits' | 'pageAccess' | 'features'>;

// The server names the price `monthlyPriceMinor`; the editor's text field is `price`.
const ERROR_KEYS: Partial<Record<ScalarField, string>> = { price: 'monthlyPriceMinor' };

/**
 * The plan editor's values and the messages beside its fields, from the client check or the server (same keys as
 * the API's `fields`). Editing a field clears its own message.
 */
export function usePlanForm(initial: PlanFormValues) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PlanFormErrors>({});

  const clear = (matches: (key: string) => boolean) =>
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !matches(key))));

  return {
    values,
    errors,
    showErrors: setErrors,
    set<K extends ScalarField>(field: K, value: PlanFormValues[K]) {
      setValues((current) => ({ ...current, [field]: value }));
      const key = ERROR_KEYS[field] ?? field;
      clear((name) => name === key);
    },
    setLimit(key: LimitKey, value: LimitValue) {
      setValues((current) => ({ ...current, limits: { ...current.limits, [key]: value } }));
      clear((name) => name === `limits.${key}` || name === 'limits');
    },
    setPages(pages: readonly UserPage[], allowed: boolean) {
      setValues((current) => ({ ...current, pageAccess: { ...current.pageAccess, ...Object.fromEntries(pages.map((page) => [page, allowed])) } }));
      clear((name) => name.startsWith('pageAccess'));
    },
    setFeatures(features: string[]) {
      setValues((current) => ({ ...current, features }));
      // Positions shift when a feature moves or goes, so its old messages would point at the wrong line.
      clear((name) => name.startsWith('features'));
    },
  };
}

export type PlanForm = ReturnType<typeof usePlanForm>;
