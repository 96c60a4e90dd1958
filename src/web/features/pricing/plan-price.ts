import { formatMoney } from '../../../domain/money';
import { UNLIMITED, type BillingPeriod, type LimitKey, type RequestType } from '../../../domain/plans';

/** The money fields every view of a plan shares (admin list, pricing card, checkout). */
export interface PlanPriceFields {
  currency: string;
  monthlyPriceMinor: number | null;
  periodChargeMinor: number | null;
  billingPeriod: BillingPeriod;
  requestType: RequestType;
}

export const BILLING_PERIOD_LABELS: Record<BillingPeriod, string> = {
  monthly: 'Monthly',
  semi_annual: 'Semi-annual',
  annual: 'Annual',
};

const PERIOD_PHRASES: Record<BillingPeriod, string> = {
  monthly: 'every month',
  semi_annual: 'every 6 months',
  annual: 'every year',
};

// DOMAIN.md "Messages shown to people": the plan CTA labels.
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  paid: 'Paid',
  request_quote: 'Request Quote',
  book_demo: 'Book Demo',
};

/** What stands in for a price on plans sold by conversation rather than checkout. */
export const UNPRICED_LABELS: Record<Exclude<RequestType, 'paid'>, string> = {
  request_quote: 'Request a quote',
  book_demo: 'Book a demo',
};

export const LIMIT_LABELS: Record<LimitKey, string> = {
  daily: 'Daily messages',
  bulk: 'Bulk messages',
  channels: 'Channels',
  chatbots: 'Chatbots',
};

const count = new Intl.NumberFormat();

export function formatLimit(value: number): string {
  return value === UNLIMITED ? 'Unlimited' : count.format(value);
}

/** "$19.00", or null when the plan has no price (quote/demo, or a draft not priced yet). */
export function monthlyPrice(plan: PlanPriceFields): string | null {
  if (plan.requestType !== 'paid' || plan.monthlyPriceMinor === null) return null;
  return formatMoney(plan.monthlyPriceMinor, plan.currency);
}

/** "$114.00 every 6 months" — the card shows both the monthly price and what one period costs (DOMAIN.md). */
export function periodCharge(plan: PlanPriceFields): string | null {
  if (plan.requestType !== 'paid' || plan.periodChargeMinor === null) return null;
  return `${formatMoney(plan.periodChargeMinor, plan.currency)} ${PERIOD_PHRASES[plan.billingPeriod]}`;
}
