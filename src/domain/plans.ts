import { USER_PAGES, type UserPage } from './pages';

// DOMAIN.md "Plans". Periods in days: monthly = 30, semi-annual = 180, annual = 365.
export const BILLING_PERIODS = ['monthly', 'semi_annual', 'annual'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];
export const PERIOD_DAYS: Record<BillingPeriod, number> = { monthly: 30, semi_annual: 180, annual: 365 };
export const PERIOD_MONTHS: Record<BillingPeriod, number> = { monthly: 1, semi_annual: 6, annual: 12 };

export const REQUEST_TYPES = ['paid', 'request_quote', 'book_demo'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const PLAN_VISIBILITIES = ['landing', 'dashboard', 'both'] as const;
export type PlanVisibility = (typeof PLAN_VISIBILITIES)[number];

export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const LIMIT_KEYS = ['daily', 'bulk', 'channels', 'chatbots'] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];
/** -1 means unlimited (spec 004 §1). */
export const UNLIMITED = -1;
export type Limits = Record<LimitKey, number>;

export type PageAccess = Record<UserPage, boolean>;

export interface PlanRules {
  name: string;
  currency: string;
  monthlyPriceMinor: number | null;
  billingPeriod: BillingPeriod | null;
  requestType: RequestType | null;
  limits: Partial<Limits>;
}

/** The fields a plan needs before it may be published, as field → message (spec 004 §1 "Validation"). */
export function publishProblems(plan: PlanRules): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!plan.name.trim()) problems.name = 'Enter a plan name.';
  if (!/^[A-Z]{3}$/.test(plan.currency)) problems.currency = 'Choose a currency.';
  if (!plan.billingPeriod) problems.billingPeriod = 'Choose a billing period.';
  if (!plan.requestType) problems.requestType = 'Choose how customers get this plan.';
  for (const key of LIMIT_KEYS) {
    const value = plan.limits[key];
    if (value === undefined || !Number.isInteger(value) || value < UNLIMITED) {
      problems[`limits.${key}`] = 'Enter a whole number, or -1 for unlimited.';
    }
  }
  if (plan.requestType === 'paid' && (plan.monthlyPriceMinor === null || plan.monthlyPriceMinor <= 0)) {
    problems.monthlyPriceMinor = 'A paid plan needs a monthly price.';
  }
  return problems;
}

/** What one billing period costs: the monthly price times the months in the period (DOMAIN.md). */
export function periodChargeMinor(monthlyPriceMinor: number, period: BillingPeriod): number {
  return monthlyPriceMinor * PERIOD_MONTHS[period];
}

export function isUnlimited(limit: number): boolean {
  return limit === UNLIMITED;
}

export function noPageAccess(): PageAccess {
  return Object.fromEntries(USER_PAGES.map((page) => [page, false])) as PageAccess;
}
