import type { Plan, PlanInput } from '../../../contracts/plans';
import { USER_PAGES } from '../../../domain/pages';
import { PERIOD_DAYS, periodChargeMinor, type Limits, type PageAccess } from '../../../domain/plans';
import type { plans } from '../../db/schema/index';

export type PlanRow = typeof plans.$inferSelect;
export type PlanColumns = Omit<typeof plans.$inferInsert, 'id' | 'status' | 'createdAt' | 'updatedAt'>;

/** The editable fields of a plan as columns: one limit per column, page access and features as JSON. */
export function planColumns(input: PlanInput): PlanColumns {
  return {
    name: input.name,
    currency: input.currency,
    monthlyPriceMinor: input.monthlyPriceMinor,
    billingPeriod: input.billingPeriod,
    requestType: input.requestType,
    paypalPlanId: input.paypalPlanId || null,
    visibility: input.visibility,
    sortOrder: input.sortOrder,
    limitDaily: input.limits.daily,
    limitBulk: input.limits.bulk,
    limitChannels: input.limits.channels,
    limitChatbots: input.limits.chatbots,
    pageAccess: input.pageAccess,
    features: input.features,
  };
}

export function planLimits(row: PlanRow): Limits {
  return { daily: row.limitDaily, bulk: row.limitBulk, channels: row.limitChannels, chatbots: row.limitChatbots };
}

/** Every user page, false unless the plan grants it; keys a plan may also carry (admin, whapi) never reach a User. */
export function planPageAccess(row: PlanRow): PageAccess {
  return Object.fromEntries(USER_PAGES.map((page) => [page, row.pageAccess[page] === true])) as PageAccess;
}

/** The editable fields of a stored plan, shaped like the create/edit input (also what audit rows record). */
export function planInputOf(row: PlanRow): PlanInput {
  return {
    name: row.name,
    currency: row.currency,
    monthlyPriceMinor: row.monthlyPriceMinor,
    billingPeriod: row.billingPeriod,
    requestType: row.requestType,
    paypalPlanId: row.paypalPlanId,
    visibility: row.visibility,
    sortOrder: row.sortOrder,
    limits: planLimits(row),
    pageAccess: planPageAccess(row),
    features: row.features,
  };
}

/** DOMAIN.md "Plans": a period's charge is the monthly price times the months in the period. */
export function planPeriodCharge(row: PlanRow): number | null {
  return row.monthlyPriceMinor === null ? null : periodChargeMinor(row.monthlyPriceMinor, row.billingPeriod);
}

export function toPlan(row: PlanRow, subscriberCount: number): Plan {
  return {
    id: row.id,
    ...planInputOf(row),
    status: row.status,
    periodChargeMinor: planPeriodCharge(row),
    periodDays: PERIOD_DAYS[row.billingPeriod],
    subscriberCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
