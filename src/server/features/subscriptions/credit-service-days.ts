import { and, eq } from 'drizzle-orm';
import { creditDays, DAY_MS } from '../../../domain/service-days';
import type { Tx } from '../../db/connect';
import { balanceTransactions, subscriptions } from '../../db/schema/index';
import type { JobRunner } from '../../jobs/job-runner';
import { publishUserEvent } from '../../realtime/event-bus';
import { autoAllocateChannelsJob } from '../channels/auto-allocate-ref';

type Subscription = typeof subscriptions.$inferSelect;

/** Makes `subscriptionId` the user's one current subscription (flipping the old one first: one current per user). */
export async function makeCurrent(tx: Tx, userId: string, subscriptionId: string): Promise<Subscription> {
  const now = new Date();
  await tx
    .update(subscriptions)
    .set({ isCurrent: false, updatedAt: now })
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.isCurrent, true)));
  const [row] = await tx
    .update(subscriptions)
    .set({ isCurrent: true, updatedAt: now })
    .where(eq(subscriptions.id, subscriptionId))
    .returning();
  if (!row) throw new Error(`subscription ${subscriptionId} vanished`);
  return row;
}

export interface CreditServiceDaysInput {
  subscription: Subscription;
  planId: string;
  paymentMethod: 'paypal' | 'offline' | 'admin';
  days: number;
  actorId: string | null;
  note: string;
  opId: string;
  /** Enqueues auto-allocation of the user's channels in this transaction (plan activation and renewals). */
  jobs: JobRunner | null;
  extra?: Partial<Subscription>;
}

/**
 * Credits paid days to a subscription's service clock (DOMAIN.md "Days" §3): `service_ends_at = max(now, end) +
 * N days`, status active, one `user_credit` ledger row, the user's open tabs told that their access changed, and
 * auto-allocation queued — all in the caller's transaction. The caller locks the subscription row first.
 */
export async function creditServiceDays(tx: Tx, input: CreditServiceDaysInput): Promise<{ before: Date | null; after: Date }> {
  const { subscription: sub } = input;
  const now = new Date();
  const before = sub.serviceEndsAt;
  const after = creditDays(before, input.days, now);
  await tx
    .update(subscriptions)
    .set({
      planId: input.planId,
      status: 'active',
      paymentMethod: input.paymentMethod,
      serviceEndsAt: after,
      daysTotal: sub.daysTotal + input.days,
      updatedAt: now,
      ...input.extra,
    })
    .where(eq(subscriptions.id, sub.id));
  await tx.insert(balanceTransactions).values({
    type: 'user_credit',
    days: input.days,
    userId: sub.userId,
    actorId: input.actorId,
    note: input.note,
    opId: input.opId,
  });
  await publishUserEvent(tx, { userId: sub.userId, type: 'access.changed', data: {} });
  await input.jobs?.enqueue(autoAllocateChannelsJob, { userId: sub.userId, reason: input.note }, { tx });
  return { before, after };
}

/**
 * An admin's −N days (DOMAIN.md "Days" §3): the clock moves back N×24h, which may put it in the past — the user is
 * Expired at once, since access is derived from the clock. One `user_debit` ledger row.
 */
export async function debitServiceDays(
  tx: Tx,
  input: { subscription: Subscription; days: number; actorId: string | null; note: string; opId: string },
): Promise<{ before: Date | null; after: Date }> {
  const { subscription: sub } = input;
  const now = new Date();
  const before = sub.serviceEndsAt;
  const after = new Date((before ?? now).getTime() - input.days * DAY_MS);
  await tx
    .update(subscriptions)
    .set({ serviceEndsAt: after, daysTotal: sub.daysTotal - input.days, updatedAt: now })
    .where(eq(subscriptions.id, sub.id));
  await tx.insert(balanceTransactions).values({
    type: 'user_debit',
    days: input.days,
    userId: sub.userId,
    actorId: input.actorId,
    note: input.note,
    opId: input.opId,
  });
  await publishUserEvent(tx, { userId: sub.userId, type: 'access.changed', data: {} });
  return { before, after };
}
