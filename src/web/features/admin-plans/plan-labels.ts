import type { PlanStatus, PlanVisibility } from '../../../domain/plans';
import { LIMIT_LABELS } from '../pricing/plan-price';

export const STATUS_LABELS: Record<PlanStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };
export const STATUS_COLORS: Record<PlanStatus, string> = { draft: 'gray', published: 'teal', archived: 'orange' };

export const VISIBILITY_LABELS: Record<PlanVisibility, string> = { landing: 'Landing page', dashboard: 'Dashboard', both: 'Both' };

/** Names for the server's field keys, so "limits.daily" reads "Daily messages" in a message to the admin. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  currency: 'Currency',
  monthlyPriceMinor: 'Monthly price',
  billingPeriod: 'Billing period',
  requestType: 'Request type',
  paypalPlanId: 'PayPal plan ID',
  visibility: 'Visibility',
  sortOrder: 'Sort order',
  pageAccess: 'Page access',
  features: 'Features',
  ...Object.fromEntries(Object.entries(LIMIT_LABELS).map(([key, label]) => [`limits.${key}`, label])),
};

export function fieldLabel(field: string): string {
  const feature = /^features\.(\d+)$/.exec(field);
  if (feature) return `Feature ${Number(feature[1]) + 1}`;
  return FIELD_LABELS[field] ?? field;
}

export const INCOMPLETE_PLAN = 'Complete the plan before publishing it.';
