import { z } from 'zod';
import { USER_PAGES } from '../domain/pages';
import { BILLING_PERIODS, LIMIT_KEYS, PLAN_STATUSES, PLAN_VISIBILITIES, REQUEST_TYPES } from '../domain/plans';
import { isoDate } from './common';

const limit = z.number().int({ error: 'Enter a whole number.' }).min(-1, { error: 'Use -1 for unlimited.' }).max(10_000_000);
export const limitsSchema = z.strictObject(Object.fromEntries(LIMIT_KEYS.map((k) => [k, limit])) as Record<(typeof LIMIT_KEYS)[number], typeof limit>);
export const pageAccessSchema = z.strictObject(
  Object.fromEntries(USER_PAGES.map((p) => [p, z.boolean()])) as Record<(typeof USER_PAGES)[number], z.ZodBoolean>,
);

export const planIdParams = z.object({ id: z.string().min(1).max(64) });

/** Create and edit: everything a draft may hold. Publishing checks the rest (domain/plans.ts publishProblems). */
export const planInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter a plan name.' }).max(80, { error: 'Use at most 80 characters.' }),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, { error: 'Use a 3-letter ISO currency code.' }),
  /** Integer minor units (cents, fils); null for quote and demo plans. */
  monthlyPriceMinor: z.number().int({ error: 'Enter the price in minor units.' }).min(0).max(10 ** 12).nullable(),
  billingPeriod: z.enum(BILLING_PERIODS),
  requestType: z.enum(REQUEST_TYPES),
  paypalPlanId: z.string().trim().max(64).regex(/^[A-Za-z0-9-]*$/, { error: 'Letters, digits and "-" only.' }).nullable(),
  visibility: z.enum(PLAN_VISIBILITIES),
  sortOrder: z.number().int().min(-10_000).max(10_000),
  limits: limitsSchema,
  pageAccess: pageAccessSchema,
  features: z.array(z.string().trim().min(1, { error: 'Remove empty features.' }).max(160)).max(30),
});
export type PlanInput = z.infer<typeof planInput>;

export const plan = planInput.extend({
  id: z.string(),
  status: z.enum(PLAN_STATUSES),
  periodChargeMinor: z.number().int().nullable(),
  periodDays: z.number().int(),
  subscriberCount: z.number().int(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Plan = z.infer<typeof plan>;
export const planBody = z.object({ plan });
export const planList = z.object({ plans: z.array(plan) });

export const reorderPlansBody = z.strictObject({ order: z.array(z.string().min(1).max(64)).min(1).max(500) });

/** What a visitor or user sees on a pricing page: no internal fields. */
export const pricingPlan = z.object({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  monthlyPriceMinor: z.number().int().nullable(),
  periodChargeMinor: z.number().int().nullable(),
  billingPeriod: z.enum(BILLING_PERIODS),
  periodDays: z.number().int(),
  /** After the user's own request-type override (spec 004 §3). */
  requestType: z.enum(REQUEST_TYPES),
  limits: limitsSchema,
  features: z.array(z.string()),
  isCurrent: z.boolean(),
});
export type PricingPlan = z.infer<typeof pricingPlan>;
export const pricingBody = z.object({ plans: z.array(pricingPlan) });
export const pricingPlanBody = z.object({ plan: pricingPlan });
