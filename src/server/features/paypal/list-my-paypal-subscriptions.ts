import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import type { PayPalSubscriptionView } from '../../../contracts/paypal';
import type { Db } from '../../db/connect';
import { plans, subscriptions } from '../../db/schema/index';

/** The user's PayPal subscriptions for the Payments page (checkouts they cancelled on PayPal's page left out). */
export async function listMyPayPalSubscriptions(db: Db, userId: string): Promise<PayPalSubscriptionView[]> {
  const rows = await db
    .select({ sub: subscriptions, planName: plans.name })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .where(and(eq(subscriptions.userId, userId), isNotNull(subscriptions.paypalSubscriptionId), ne(subscriptions.status, 'canceled')))
    .orderBy(desc(subscriptions.createdAt));
  return rows.map(({ sub, planName }) => ({
    id: sub.id,
    planName,
    paypalSubscriptionId: sub.paypalSubscriptionId!,
    paypalStatus: sub.paypalStatus,
    periodsCredited: sub.paypalPeriodsCredited,
    serviceEndsAt: sub.isCurrent ? (sub.serviceEndsAt?.toISOString() ?? null) : null,
    createdAt: sub.createdAt.toISOString(),
    syncedAt: sub.paypalSyncedAt?.toISOString() ?? null,
  }));
}
