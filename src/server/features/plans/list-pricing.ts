import { and, eq, inArray } from 'drizzle-orm';
import type { PricingPlan } from '../../../contracts/plans';
import { effectiveRequestType } from '../../../domain/access';
import { PERIOD_DAYS, type PlanVisibility } from '../../../domain/plans';
import type { Database, DbOrTx } from '../../db/connect';
import { plans, subscriptions, type SubscriptionOverrides } from '../../db/schema/index';
import { notFound } from '../../app-error';
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
  const [rows, subscription] = await Promise.all([publishedPlans(database.db, 'dashboard'), currentRow(database.db, userId)]);
  return rows.map((row) => toPricingPlan(row, subscription));
}

/**
 * One published plan for checkout, whatever its visibility: a visitor who signed up from a landing-only plan
 * must still find it. Drafts and archived plans are not for sale (404).
 */
export async function findPricingForUser(database: Database, userId: string, planId: string): Promise<PricingPlan> {
  const [[row], subscription] = await Promise.all([
    database.db.select().from(plans).where(and(eq(plans.id, planId), eq(plans.status, 'published'))),
    currentRow(database.db, userId),
  ]);
  if (!row) throw notFound('Plan');
  return toPricingPlan(row, subscription);
}

// The subscription row itself, not its plan: an override may exist before the user has any plan.
async function currentRow(db: DbOrTx, userId: string): Promise<CurrentRow | null> {
  const [row] = await db
    .select({ planId: subscriptions.planId, status: subscriptions.status, overrides: subscriptions.overrides })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.isCurrent, true)));
  return row ?? null;
}
