import { count, eq } from 'drizzle-orm';
import { PAYMENT_MESSAGES } from '../../../contracts/payments';
import { PAYPAL_MESSAGES } from '../../../contracts/paypal';
import { PERIOD_DAYS } from '../../../domain/plans';
import { paypalSales, plans, subscriptions } from '../../db/schema/index';
import type { PayPalSubscription } from '../../integrations/paypal/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { mailUserAfterCommit } from '../notifications/mail-user-after-commit';
import { notifyUser } from '../notifications/notify-user';
import { creditServiceDays, makeCurrent } from '../subscriptions/credit-service-days';
import type { PayPalDeps } from './paypal-deps';
import { withPayPalClient } from './with-paypal-client';

export type SyncOutcome = 'activated' | 'renewed' | 'unchanged' | 'status_updated' | 'not_active' | 'mismatch' | 'unknown';

// PayPal statuses after which the buyer has paid at least once (an APPROVED one is activated by us first).
const HAS_BEEN_ACTIVE = new Set(['ACTIVE', 'SUSPENDED', 'CANCELLED', 'EXPIRED']);

/**
 * Brings one of our PayPal subscriptions in line with PayPal — the single path used by the return URL, every
 * webhook and the daily reconcile, so their order and repetition don't matter (W1, W2; decision 011):
 * 1. GET the subscription from PayPal (webhook payloads may be stale or reordered); activate it if APPROVED.
 * 2. Refuse unless its plan_id is our plan's PayPal plan id and its custom_id is our row's id.
 * 3. Periods owed = max(1 once it has been active, sales recorded, regular cycles completed); credit the
 *    difference with what was already credited, in one transaction under a row lock.
 */
export async function syncPayPalSubscription(
  deps: PayPalDeps,
  paypalSubscriptionId: string,
  actor: Actor = { userId: null, ip: null },
): Promise<SyncOutcome> {
  const [known] = await deps.db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.paypalSubscriptionId, paypalSubscriptionId));
  if (!known) return 'unknown';

  let remote = await withPayPalClient(deps, (client) => client.getSubscription(paypalSubscriptionId));
  if (remote.status === 'APPROVED') {
    // Buyer approved with user_action CONTINUE: activation is ours to do (NOTES §3.2), then read it again.
    remote = await withPayPalClient(deps, async (client) => {
      await client.activateSubscription(paypalSubscriptionId, 'Approved by the buyer');
      return client.getSubscription(paypalSubscriptionId);
    });
  }

  const applied = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, known.id)).for('update');
    const [plan] = await tx.select().from(plans).where(eq(plans.id, row!.planId!));
    const sub = row!;
    if (!plan || remote.planId !== plan.paypalPlanId || remote.customId !== sub.id) {
      await recordAudit(tx, actor, {
        action: 'payment.paypal_mismatch',
        target: { type: 'subscription', id: sub.id, label: plan?.name ?? null },
        meta: { paypalSubscriptionId, expectedPlan: plan?.paypalPlanId ?? null, gotPlan: remote.planId, gotCustomId: remote.customId },
      });
      return { outcome: 'mismatch' as const, userId: sub.userId, days: 0 };
    }
    const [sales] = await tx.select({ n: count() }).from(paypalSales).where(eq(paypalSales.paypalSubscriptionId, paypalSubscriptionId));
    const owed = periodsOwed(remote, sales?.n ?? 0);
    const due = owed - sub.paypalPeriodsCredited;
    const statusChanged = remote.status !== sub.paypalStatus;
    const now = new Date();
    if (due <= 0) {
      await tx
        .update(subscriptions)
        .set({ paypalStatus: remote.status, paypalSyncedAt: now, updatedAt: now })
        .where(eq(subscriptions.id, sub.id));
      if (statusChanged && sub.paypalPeriodsCredited > 0) {
        await recordAudit(tx, actor, {
          action: 'payment.paypal_status',
          target: { type: 'subscription', id: sub.id, label: plan.name },
          meta: { paypalSubscriptionId, before: sub.paypalStatus, after: remote.status },
        });
      }
      const outcome = sub.paypalPeriodsCredited === 0 ? 'not_active' : statusChanged ? 'status_updated' : 'unchanged';
      return { outcome: outcome as SyncOutcome, userId: sub.userId, days: 0 };
    }

    const first = sub.paypalPeriodsCredited === 0;
    const current = first && !sub.isCurrent ? await makeCurrent(tx, sub.userId, sub.id) : sub;
    const days = due * PERIOD_DAYS[plan.billingPeriod];
    await creditServiceDays(tx, {
      subscription: current,
      planId: plan.id,
      paymentMethod: 'paypal',
      days,
      actorId: actor.userId,
      note: first ? `PayPal subscription ${paypalSubscriptionId} activated` : `PayPal renewal of ${paypalSubscriptionId}`,
      opId: `${paypalSubscriptionId}#${owed}`,
      jobs: deps.jobs,
      extra: { paypalStatus: remote.status, paypalPeriodsCredited: owed, paypalSyncedAt: now },
    });
    await notifyUser(tx, sub.userId, {
      kind: first ? 'payment.approved' : 'payment.renewed',
      title: first ? PAYMENT_MESSAGES.approvedTitle : PAYPAL_MESSAGES.renewedTitle,
      body: `${days} days were added to your plan.`,
      link: '/payments',
    });
    await recordAudit(tx, actor, {
      action: first ? 'payment.paypal_activate' : 'payment.paypal_renew',
      target: { type: 'subscription', id: sub.id, label: plan.name },
      meta: { paypalSubscriptionId, periods: due, days, periodsCredited: owed, paypalStatus: remote.status },
    });
    return { outcome: (first ? 'activated' : 'renewed') as SyncOutcome, userId: sub.userId, days };
  });

  if (applied.outcome === 'activated' || applied.outcome === 'renewed') mailOutcome(deps, applied.userId, applied.outcome, applied.days);
  return applied.outcome;
}

/** How many billing periods PayPal has been paid for, by every sign we have (they may lag one another). */
export function periodsOwed(remote: Pick<PayPalSubscription, 'status' | 'billingInfo'>, salesRecorded: number): number {
  if (!HAS_BEEN_ACTIVE.has(remote.status)) return 0;
  const cycles = (remote.billingInfo?.cycleExecutions ?? [])
    .filter((c) => c.tenureType === 'REGULAR')
    .reduce((sum, c) => sum + c.cyclesCompleted, 0);
  return Math.max(1, salesRecorded, cycles);
}

function mailOutcome(deps: PayPalDeps, userId: string, outcome: 'activated' | 'renewed', days: number): void {
  const subject = outcome === 'activated' ? 'Your plan is now active' : 'Your plan was renewed';
  const lead = outcome === 'activated' ? PAYMENT_MESSAGES.approvedTitle : PAYPAL_MESSAGES.renewedTitle;
  mailUserAfterCommit(
    deps,
    userId,
    subject,
    `${lead}\n\nPayPal confirmed your payment and ${days} days were added.\n\nOpen your dashboard: ${deps.appUrl}/dashboard`,
  );
}
