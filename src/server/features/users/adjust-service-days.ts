import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { USER_DAYS_MESSAGES, type UserStatus } from '../../../contracts/admin-users';
import { daysRemaining } from '../../../domain/service-days';
import { AppError, notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { subscriptions, users } from '../../db/schema/index';
import type { JobRunner } from '../../jobs/job-runner';
import { recordAudit, type Actor } from '../audit/record-audit';
import { creditServiceDays, debitServiceDays } from '../subscriptions/credit-service-days';

export interface AdjustServiceDaysInput {
  actor: Actor;
  userId: string;
  /** +N credits N days, −N takes them back; never 0 (the contract refuses it). */
  delta: number;
  reason: string;
}

export interface AdjustedDays {
  serviceEndsAt: string;
  daysRemaining: number;
  userStatus: UserStatus;
}

/**
 * Admin +Days / −Days on the user's service clock (DOMAIN.md "Days" §3, spec 004 §3 "Days Balance: add/subtract
 * (with history)"): one `user_credit` / `user_debit` ledger row and one audit row with the clock before and after,
 * in one transaction. −Days may put the clock in the past: the user is Expired at once, since access is derived
 * from the clock. Days belong to a plan, so a user who never subscribed gets a clear 409 instead of an orphan clock.
 */
export async function adjustServiceDays(
  deps: { db: Db; jobs: JobRunner | null },
  { actor, userId, delta, reason }: AdjustServiceDaysInput,
): Promise<AdjustedDays> {
  return deps.db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email, banned: users.banned }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('User');
    // The row lock serialises concurrent adjustments, approvals and renewals of the same clock.
    const [sub] = await tx
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.userId, userId), eq(subscriptions.isCurrent, true)))
      .for('update');
    if (!sub?.planId) throw new AppError('CONFLICT', USER_DAYS_MESSAGES.noPlan);

    const now = new Date();
    const remainingBefore = daysRemaining(sub.serviceEndsAt, now);
    const opId = randomUUID();
    const note = `Admin adjustment: ${reason}`;
    let change: { before: Date | null; after: Date };
    if (delta > 0) {
      change = await creditServiceDays(tx, {
        subscription: sub,
        planId: sub.planId,
        // The admin adds time; how the plan was paid (PayPal, offline) stays as it was.
        paymentMethod: sub.paymentMethod ?? 'admin',
        days: delta,
        actorId: actor.userId,
        note,
        opId,
        // QUALITY S2: nothing is queued for a banned user; auto-allocation also re-checks the ban when it runs.
        jobs: user.banned ? null : deps.jobs,
      });
    } else {
      if (remainingBefore === 0) throw new AppError('CONFLICT', USER_DAYS_MESSAGES.nothingToRemove);
      change = await debitServiceDays(tx, { subscription: sub, days: -delta, actorId: actor.userId, note, opId });
    }

    const remainingAfter = daysRemaining(change.after, now);
    await recordAudit(tx, actor, {
      action: 'user.days_adjust',
      target: { type: 'user', id: userId, label: user.email },
      reason,
      meta: {
        delta,
        subscriptionId: sub.id,
        opId,
        serviceEndsAtBefore: change.before?.toISOString() ?? null,
        serviceEndsAtAfter: change.after.toISOString(),
        daysRemainingBefore: remainingBefore,
        daysRemainingAfter: remainingAfter,
      },
    });
    // As serviceState (domain/access.ts): a credit makes the subscription active; a canceled one stays expired.
    const status = delta > 0 ? 'active' : sub.status;
    const running = remainingAfter > 0 && status !== 'canceled' && status !== 'pending';
    return {
      serviceEndsAt: change.after.toISOString(),
      daysRemaining: remainingAfter,
      userStatus: user.banned ? 'banned' : running ? 'active' : 'expired',
    };
  });
}
