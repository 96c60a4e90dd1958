import { desc, eq } from 'drizzle-orm';
import type { SubscriptionHistoryEntry } from '../../../contracts/admin-users';
import type { Db } from '../../db/connect';
import { plans, subscriptions } from '../../db/schema/index';
import { requireUserExists } from './require-user-exists';

/** Every subscription the user ever had (the current one first), for the history on the details page. */
export async function listUserSubscriptions(db: Db, userId: string): Promise<SubscriptionHistoryEntry[]> {
  await requireUserExists(db, userId);
  const rows = await db
    .select({ sub: subscriptions, planName: plans.name })
    .from(subscriptions)
    .leftJoin(plans, eq(plans.id, subscriptions.planId))
    .where(eq(subscriptions.userId, userId))
    .orderBy(desc(subscriptions.isCurrent), desc(subscriptions.createdAt), desc(subscriptions.id));
  return rows.map(({ sub, planName }) => ({
    id: sub.id,
    plan: sub.planId ? { id: sub.planId, name: planName ?? '' } : null,
    status: sub.status,
    paymentMethod: sub.paymentMethod,
    serviceEndsAt: sub.serviceEndsAt?.toISOString() ?? null,
    daysTotal: sub.daysTotal,
    isCurrent: sub.isCurrent,
    createdAt: sub.createdAt.toISOString(),
  }));
}
