import { and, eq, inArray } from 'drizzle-orm';
import type { PricingPlan } from '../../../contracts/plans';
import { effectiveRequestType } from '../../../domain/access';
import { PERIOD_DAYS, type PlanVisibility } from '../../../domain/plans';
import type { Database, DbOrTx } from '../../db/connect';
import { plans, subscriptions, type SubscriptionOverrides } from '../../db/schema/index';
import { PLAN_ORDER } from './find-plan';
import { planLimits, planPeriodCharge, type PlanRow } from './plan-row';

// DOMAIN.md "Pricing": the landing page shows landing/both, the in-app page dashboard/both; only published plans.
const SHOWN_ON = {
  landing: ['landing', 'both'],
  dashboard: ['dashboard', 'both'],
} as const satisfies Record<string, PlanVisibility[]>;

async function publishedPlans(db: DbOrTx, page: keyof typeof SHOWN_ON): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.status, 'published'), inArray(plans.visibility, [...SHOWN_ON[page]])))
    .orderBy(...PLAN_ORDER);
}

interface CurrentRow {
  planId: string | null;
  status: 'pending' | 'active' | 'expired' | 'canceled';
  overrides: SubscriptionOverrides;
}

function toPricingPlan(row: PlanRow, subscription: CurrentRow | null): PricingPlan {
  const isCurrent = subscription?.planId === row.id && (subscription.status === 'active' || subscription.status === 'pending');
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    monthlyPriceMinor: row.monthlyPriceMinor,
    periodChargeMinor: planPeriodCharge(row),
    billingPeriod: row.billingPeriod,
    periodDays: PERIOD_DAYS[row.billingPeriod],
    requestType: effectiveRequestType(subscription, row.requestType),
    limits: planLimits(row),
    features: row.features,
    isCurrent,
  };
}

/** The public pricing page: the same for every visitor, so it can be cached. */
export async function listPublicPricing(db: DbOrTx): Promise<PricingPlan[]> {
  return (await publishedPlans(db, 'landing')).map((row) => toPricingPlan(row, null));
}

/**
 * In-app pricing for one user: their current plan is marked, and their request-type override (Users → details)
 * replaces each plan's call to action (spec 004 §3).
 */
export async function listPricingForUser(database: Database, userId: string): Promise<PricingPlan[]> {
  // The subscription row itself, not its plan: an override may exist before the user has any plan.
  const [rows, [subscription]] = await Promise.all([
    publishedPlans(database.db, 'dashboard'),
    database.db
      .select({ planId: subscriptions.planId, status: subscriptions.status, overrides: subscriptions.overrides })
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.isCurrent, true))),
  ]);
  return rows.map((row) => toPricingPlan(row, subscription ?? null));
}
