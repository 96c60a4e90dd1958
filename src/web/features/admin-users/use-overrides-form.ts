import { useEffect, useMemo, useState } from 'react';
import type { AdminUserDetails, OverridesInput } from '../../../contracts/admin-users';
import { USER_PAGES, type UserPage } from '../../../domain/pages';
import { LIMIT_KEYS, type LimitKey, type RequestType } from '../../../domain/plans';

/** A limit being edited: a whole number (-1 = unlimited), or '' for "no value" (only before a plan exists). */
export type LimitField = number | '';

export interface OverridesValues {
  limits: Record<LimitKey, LimitField>;
  pages: Record<UserPage, boolean>;
  requestType: RequestType | '';
  notes: string;
}

export type OverridesSection = 'limits' | 'pages' | 'requestType' | 'notes';
export const ALL_SECTIONS: readonly OverridesSection[] = ['limits', 'pages', 'requestType', 'notes'];

/**
 * The form shows each value as the user gets it (override, else plan). Saving stores an override only where the
 * value differs from the plan and clears it (null) where it matches, so "Overridden" always means "not the plan"
 * and a later edit of the plan reaches every value the admin did not change (spec 004 §3: overrides never change
 * the plan; DOMAIN.md: the badge shows wherever an override differs from the plan).
 */
export function useOverridesForm(details: AdminUserDetails | undefined) {
  const initial = useMemo(() => (details ? initialValues(details) : null), [details]);
  const [values, setValues] = useState<OverridesValues | null>(initial);
  useEffect(() => setValues(initial), [initial]);

  const plan = details?.plan ?? null;
  const planLimit = (key: LimitKey): LimitField => plan?.limits[key] ?? '';
  const planPage = (page: UserPage): boolean => plan?.pageAccess[page] ?? false;
  const planRequestType: RequestType | '' = plan?.requestType ?? '';

  const isLimitOverridden = (key: LimitKey) => values !== null && values.limits[key] !== '' && values.limits[key] !== planLimit(key);
  const isPageOverridden = (page: UserPage) => values !== null && values.pages[page] !== planPage(page);
  const isRequestTypeOverridden = () => values !== null && values.requestType !== '' && values.requestType !== planRequestType;

  const changed = (section: OverridesSection): boolean => {
    if (!values || !initial) return false;
    if (section === 'limits') return LIMIT_KEYS.some((key) => values.limits[key] !== initial.limits[key]);
    if (section === 'pages') return USER_PAGES.some((page) => values.pages[page] !== initial.pages[page]);
    if (section === 'requestType') return values.requestType !== initial.requestType;
    return values.notes.trim() !== initial.notes.trim();
  };

  const body = (sections: readonly OverridesSection[]): OverridesInput => {
    if (!values) return {};
    const input: OverridesInput = {};
    if (sections.includes('limits')) {
      input.limits = Object.fromEntries(
        LIMIT_KEYS.map((key) => [key, isLimitOverridden(key) ? (values.limits[key] as number) : null]),
      ) as NonNullable<OverridesInput['limits']>;
    }
    if (sections.includes('pages')) {
      input.pageAccess = Object.fromEntries(USER_PAGES.map((page) => [page, isPageOverridden(page) ? values.pages[page] : null]));
    }
    if (sections.includes('requestType')) input.requestType = isRequestTypeOverridden() ? (values.requestType as RequestType) : null;
    if (sections.includes('notes')) input.notes = values.notes.trim() || null;
    return input;
  };

  const update = (patch: (current: OverridesValues) => OverridesValues) => setValues((current) => (current ? patch(current) : current));

  return {
    values,
    plan,
    planLimit,
    planPage,
    planRequestType,
    isLimitOverridden,
    isPageOverridden,
    isRequestTypeOverridden,
    changed,
    body,
    setLimit: (key: LimitKey, value: LimitField) => update((v) => ({ ...v, limits: { ...v.limits, [key]: value } })),
    setPage: (page: UserPage, allowed: boolean) => update((v) => ({ ...v, pages: { ...v.pages, [page]: allowed } })),
    setRequestType: (requestType: RequestType | '') => update((v) => ({ ...v, requestType })),
    setNotes: (notes: string) => update((v) => ({ ...v, notes })),
    resetLimit: (key: LimitKey) => update((v) => ({ ...v, limits: { ...v.limits, [key]: planLimit(key) } })),
    resetPage: (page: UserPage) => update((v) => ({ ...v, pages: { ...v.pages, [page]: planPage(page) } })),
    resetRequestType: () => update((v) => ({ ...v, requestType: planRequestType })),
    discard: () => setValues(initial),
  };
}

export type OverridesForm = ReturnType<typeof useOverridesForm>;

function initialValues({ plan, overrides }: AdminUserDetails): OverridesValues {
  return {
    limits: Object.fromEntries(LIMIT_KEYS.map((key) => [key, overrides.limits[key] ?? plan?.limits[key] ?? ''])) as Record<LimitKey, LimitField>,
    pages: Object.fromEntries(USER_PAGES.map((page) => [page, overrides.pageAccess[page] ?? plan?.pageAccess[page] ?? false])) as Record<
      UserPage,
      boolean
    >,
    requestType: overrides.requestType ?? plan?.requestType ?? '',
    notes: overrides.notes ?? '',
  };
}
