import { and, count, desc, eq, isNotNull, ne, type SQL } from 'drizzle-orm';
import type { AdminPayPalPage, AdminPayPalSubscription, PayPalSubscriptionView } from '../../../contracts/paypal';
import type { Db } from '../../db/connect';
import { plans, subscriptions, users } from '../../db/schema/index';

// PayPal subscriptions worth showing: checkouts the buyer cancelled on PayPal's page are left out.
const shown = and(isNotNull(subscriptions.paypalSubscriptionId), ne(subscriptions.status, 'canceled'))!;

function selectRows(db: Db, where: SQL) {
  return db
    .select({ sub: subscriptions, planName: plans.name, user: { id: users.id, name: users.name, email: users.email } })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.id, subscriptions.planId))
    .innerJoin(users, eq(users.id, subscriptions.userId))
    .where(and(shown, where))
    .orderBy(desc(subscriptions.createdAt));
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];

function toView({ sub, planName }: Row): PayPalSubscriptionView {
  return {
    id: sub.id,
    planName,
    paypalSubscriptionId: sub.paypalSubscriptionId!,
    paypalStatus: sub.paypalStatus,
    periodsCredited: sub.paypalPeriodsCredited,
    serviceEndsAt: sub.isCurrent ? (sub.serviceEndsAt?.toISOString() ?? null) : null,
    createdAt: sub.createdAt.toISOString(),
    syncedAt: sub.paypalSyncedAt?.toISOString() ?? null,
  };
}

const toAdminView = (row: Row): AdminPayPalSubscription => ({ ...toView(row), user: row.user });

/** The user's PayPal subscriptions for the Payments page. */
export async function listMyPayPalSubscriptions(db: Db, userId: string): Promise<PayPalSubscriptionView[]> {
  return (await selectRows(db, eq(subscriptions.userId, userId))).map(toView);
}

/** Admin → Payments → PayPal, newest first. */
export async function listPayPalSubscriptionsForAdmin(db: Db, { page, pageSize }: { page: number; pageSize: number }): Promise<AdminPayPalPage> {
  const [rows, [total]] = await Promise.all([
    selectRows(db, shown).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(subscriptions).where(shown),
  ]);
  return { items: rows.map(toAdminView), total: total?.n ?? 0, page, pageSize };
}

export async function findPayPalSubscriptionForAdmin(db: Db, id: string): Promise<AdminPayPalSubscription | null> {
  const [row] = await selectRows(db, eq(subscriptions.id, id));
  return row ? toAdminView(row) : null;
}
