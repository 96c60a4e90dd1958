import { planInput, type Plan, type PlanInput, type PricingPlan } from '../../../contracts/plans';
import { currencyDecimals, fromMinorUnits, toMinorUnits } from '../../../domain/money';
import { USER_PAGES } from '../../../domain/pages';
import {
  LIMIT_KEYS,
  PERIOD_DAYS,
  periodChargeMinor,
  type BillingPeriod,
  type LimitKey,
  type PageAccess,
  type PlanVisibility,
  type RequestType,
} from '../../../domain/plans';

/** A limit as typed: a whole number (-1 = unlimited) or still empty. */
export type LimitValue = number | '';

/** The editor's state: text where people type, so a half-typed price is never lost or rounded. */
export interface PlanFormValues {
  name: string;
  currency: string;
  price: string;
  billingPeriod: BillingPeriod;
  requestType: RequestType;
  paypalPlanId: string;
  visibility: PlanVisibility;
  sortOrder: number | '';
  limits: Record<LimitKey, LimitValue>;
  pageAccess: PageAccess;
  features: string[];
}

/** Keyed like the server's `fields` (`name`, `monthlyPriceMinor`, `limits.daily`, `features.2`). */
export type PlanFormErrors = Readonly<Record<string, string>>;

export function newPlanValues(sortOrder: number): PlanFormValues {
  return {
    name: '',
    currency: 'USD',
    price: '',
    billingPeriod: 'monthly',
    requestType: 'paid',
    paypalPlanId: '',
    visibility: 'both',
    sortOrder,
    limits: { daily: '', bulk: '', channels: '', chatbots: '' },
    pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, true])) as PageAccess,
    features: [],
  };
}

export function planValues(plan: Plan): PlanFormValues {
  return {
    name: plan.name,
    currency: plan.currency,
    price: plan.monthlyPriceMinor === null ? '' : fromMinorUnits(plan.monthlyPriceMinor, plan.currency),
    billingPeriod: plan.billingPeriod,
    requestType: plan.requestType,
    paypalPlanId: plan.paypalPlanId ?? '',
    visibility: plan.visibility,
    sortOrder: plan.sortOrder,
    limits: { ...plan.limits },
    pageAccess: { ...plan.pageAccess },
    features: [...plan.features],
  };
}

export function priceHint(currency: string): string {
  const decimals = currencyDecimals(currency);
  return decimals === 0 ? 'Whole units only.' : `Up to ${decimals} decimals, e.g. ${(19).toFixed(decimals)}.`;
}

/** Minor units of the typed price: null when empty or not a paid plan, undefined when it can't be read. */
function parsedPrice(values: PlanFormValues): number | null | undefined {
  if (values.requestType !== 'paid' || values.price.trim() === '') return null;
  return toMinorUnits(values.price, values.currency) ?? undefined;
}

/** The typed values as the API's plan input, or the messages to show beside the fields (same words as the server). */
export function buildPlanInput(values: PlanFormValues): { input: PlanInput; errors: null } | { input: null; errors: PlanFormErrors } {
  const errors: Record<string, string> = {};
  const price = parsedPrice(values);
  if (price === undefined) errors.monthlyPriceMinor = `Enter an amount in ${values.currency}. ${priceHint(values.currency)}`;
  for (const key of LIMIT_KEYS) {
    if (values.limits[key] === '') errors[`limits.${key}`] = 'Enter a whole number, or tick Unlimited.';
  }
  const parsed = planInput.safeParse({
    name: values.name,
    currency: values.currency,
    monthlyPriceMinor: price ?? null,
    billingPeriod: values.billingPeriod,
    requestType: values.requestType,
    paypalPlanId: values.paypalPlanId.trim() || null,
    visibility: values.visibility,
    sortOrder: values.sortOrder === '' ? 0 : values.sortOrder,
    limits: Object.fromEntries(LIMIT_KEYS.map((key) => [key, values.limits[key] === '' ? 0 : values.limits[key]])),
    pageAccess: values.pageAccess,
    features: values.features,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { input: null, errors };
  return { input: parsed.data, errors: null };
}

/** What the pricing card would show for the typed values, updated as the admin types. */
export function previewPlan(values: PlanFormValues, id: string): PricingPlan {
  const price = parsedPrice(values) ?? null;
  return {
    id,
    name: values.name.trim() || 'Plan name',
    currency: values.currency,
    monthlyPriceMinor: price,
    periodChargeMinor: price === null ? null : periodChargeMinor(price, values.billingPeriod),
    billingPeriod: values.billingPeriod,
    periodDays: PERIOD_DAYS[values.billingPeriod],
    requestType: values.requestType,
    limits: Object.fromEntries(LIMIT_KEYS.map((key) => [key, values.limits[key] === '' ? 0 : values.limits[key]])) as PricingPlan['limits'],
    features: values.features.map((feature) => feature.trim()).filter(Boolean),
    isCurrent: false,
  };
}
