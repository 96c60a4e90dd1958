import { and, eq } from 'drizzle-orm';
import { PAYMENT_MESSAGES, type AdminPayment } from '../../../contracts/payments';
import { PERIOD_DAYS } from '../../../domain/plans';
import { AppError, notFound } from '../../app-error';
import type { Tx } from '../../db/connect';
import { plans, subscriptions, userOfflinePayments } from '../../db/schema/index';
import type { Actor } from '../audit/record-audit';
import { recordAudit } from '../audit/record-audit';
import { mailUserAfterCommit } from '../notifications/mail-user-after-commit';
import { notifyUser } from '../notifications/notify-user';
import { creditServiceDays, makeCurrent } from '../subscriptions/credit-service-days';
import { selectPayments, toAdminPayment } from './payment-row';
import type { PaymentDeps } from './submit-offline-payment';

type Decided = typeof userOfflinePayments.$inferSelect;

/**
 * Moves a payment out of `pending` exactly once (QUALITY L9): the guarded UPDATE lets one of any number of
 * concurrent deciders through; the others get 409 and change nothing.
 */
async function decide(tx: Tx, paymentId: string, changes: Partial<Decided>): Promise<Decided> {
  const [row] = await tx
    .update(userOfflinePayments)
    .set({ ...changes, updatedAt: new Date(), reviewedAt: new Date() })
    .where(and(eq(userOfflinePayments.id, paymentId), eq(userOfflinePayments.status, 'pending')))
    .returning();
  if (row) return row;
  const [exists] = await tx.select({ id: userOfflinePayments.id }).from(userOfflinePayments).where(eq(userOfflinePayments.id, paymentId));
  if (!exists) throw notFound('Payment');
  throw new AppError('CONFLICT', PAYMENT_MESSAGES.alreadyDecided);
}

async function reload(deps: PaymentDeps, paymentId: string): Promise<AdminPayment> {
  const [row] = await selectPayments(deps.db).where(eq(userOfflinePayments.id, paymentId));
  return toAdminPayment(row!);
}

/** Approve: credit the days to the payment's subscription, make it current and active, ledger + audit + notify. */
export async function approvePayment(
  deps: PaymentDeps,
  { actor, paymentId, days }: { actor: Actor; paymentId: string; days?: number | undefined },
): Promise<AdminPayment> {
  const decided = await deps.db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ billingPeriod: plans.billingPeriod })
      .from(userOfflinePayments)
      .innerJoin(plans, eq(plans.id, userOfflinePayments.planId))
      .where(eq(userOfflinePayments.id, paymentId));
    const credit = days ?? (pending ? PERIOD_DAYS[pending.billingPeriod] : 0);
    const payment = await decide(tx, paymentId, { status: 'approved', daysCredited: credit, reviewedBy: actor.userId });

    let [subscription] = payment.subscriptionId
      ? await tx.select().from(subscriptions).where(eq(subscriptions.id, payment.subscriptionId)).for('update')
      : [];
    if (!subscription) {
      [subscription] = await tx
        .insert(subscriptions)
        .values({ userId: payment.userId, planId: payment.planId, status: 'pending', isCurrent: false })
        .returning();
      await tx.update(userOfflinePayments).set({ subscriptionId: subscription!.id }).where(eq(userOfflinePayments.id, payment.id));
    }
    const sub = subscription!.isCurrent ? subscription! : await makeCurrent(tx, payment.userId, subscription!.id);
    const { before, after } = await creditServiceDays(tx, {
      subscription: sub,
      planId: payment.planId,
      paymentMethod: 'offline',
      days: credit,
      actorId: actor.userId,
      note: `Offline payment ${payment.reference} approved`,
      opId: payment.id,
      jobs: deps.jobs,
    });
    await notifyUser(tx, payment.userId, {
      kind: 'payment.approved',
      title: PAYMENT_MESSAGES.approvedTitle,
      body: `${credit} days were added to your plan.`,
      link: '/payments',
    });
    await recordAudit(tx, actor, {
      action: 'payment.approve',
      target: { type: 'payment', id: payment.id, label: payment.reference },
      meta: {
        days: credit,
        subscriptionId: sub.id,
        serviceEndsAtBefore: before?.toISOString() ?? null,
        serviceEndsAtAfter: after.toISOString(),
      },
    });
    return { payment, credit };
  });

  mailUserAfterCommit(
    deps,
    decided.payment.userId,
    'Your plan is now active',
    [
      `${PAYMENT_MESSAGES.approvedTitle}`,
      '',
      `Your offline payment ${decided.payment.reference} was approved and ${decided.credit} days were added.`,
      '',
      `Open your dashboard: ${deps.appUrl}/dashboard`,
    ].join('\n'),
  );
  return reload(deps, paymentId);
}

/** Reject with a reason: the payment is closed and nothing else changes; the user is told why. */
export async function rejectPayment(
  deps: PaymentDeps,
  { actor, paymentId, reason }: { actor: Actor; paymentId: string; reason: string },
): Promise<AdminPayment> {
  const payment = await deps.db.transaction(async (tx) => {
    const decided = await decide(tx, paymentId, { status: 'rejected', rejectReason: reason, reviewedBy: actor.userId });
    await notifyUser(tx, decided.userId, {
      kind: 'payment.rejected',
      title: 'Your offline payment was not accepted.',
      body: reason,
      link: '/payments',
    });
    await recordAudit(tx, actor, {
      action: 'payment.reject',
      target: { type: 'payment', id: decided.id, label: decided.reference },
      reason,
    });
    return decided;
  });
  mailUserAfterCommit(
    deps,
    payment.userId,
    'Your offline payment was not accepted',
    [`Your offline payment ${payment.reference} was not accepted.`, '', `Reason: ${reason}`, '', `${deps.appUrl}/payments`].join('\n'),
  );
  return reload(deps, paymentId);
}
