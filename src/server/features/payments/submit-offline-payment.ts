import { and, eq } from 'drizzle-orm';
import type { Payment } from '../../../contracts/payments';
import { AppError, notFound } from '../../app-error';
import type { Db, Tx } from '../../db/connect';
import { paymentProofs, plans, subscriptions, userOfflinePayments, users } from '../../db/schema/index';
import type { Mailer } from '../../integrations/mail/mailer';
import type { JobRunner } from '../../jobs/job-runner';
import { recordAudit, type Actor } from '../audit/record-audit';
import { chargeRateWindow } from '../rate-limits/charge-rate-window';
import { notifyAdmins } from '../notifications/notify-admins';
import { selectPayments, toPayment } from './payment-row';
import { proofFilename, sniffProof } from './sniff-proof';

/** Upload attempts per user per one-hour window: people send one; this only stops floods of 5 MB files. */
export const UPLOADS_PER_HOUR = 10;
export const UPLOAD_WINDOW_SECONDS = 60 * 60;

export interface PaymentDeps {
  db: Db;
  jobs: JobRunner | null;
  mailer: Mailer;
  appUrl: string;
  log: { warn(obj: object, msg: string): void };
}

export interface SubmitOfflinePaymentInput {
  actor: Actor & { userId: string };
  planId: string;
  reference: string;
  proof: { bytes: Buffer; filename: string | undefined };
}

/**
 * Charges one upload attempt to the user (accepted or not, so a flood of refused files is stopped too) and
 * refuses it with 429 and Retry-After once the hour's allowance is spent.
 */
export async function chargeUpload(db: Db, userId: string): Promise<void> {
  const over = await chargeRateWindow(db, { table: 'upload_throttle', counter: 'hits' }, UPLOAD_WINDOW_SECONDS, [
    { key: `proof:${userId}`, limit: UPLOADS_PER_HOUR },
  ]);
  if (!over) return;
  throw new AppError('RATE_LIMITED', 'Too many uploads in a short time. Please try again later.', {
    headers: { 'retry-after': String(over.retryAfter) },
  });
}

/**
 * The subscription this payment pays for. A user with no plan, or whose current row is not active, gets it as
 * their current row at once (pending); a user still active on another plan keeps it until an admin approves.
 */
async function subscriptionFor(tx: Tx, userId: string, planId: string): Promise<string> {
  const [current] = await tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.isCurrent, true)))
    .for('update');
  if (current && current.planId === planId) return current.id;
  if (current && current.planId === null && current.status === 'pending') {
    // A pending row holding admin overrides only: it becomes this plan's row, overrides kept.
    await tx.update(subscriptions).set({ planId, updatedAt: new Date() }).where(eq(subscriptions.id, current.id));
    return current.id;
  }
  const stillActive = current?.status === 'active' && current.serviceEndsAt !== null && current.serviceEndsAt > new Date();
  if (current && !stillActive) {
    // Flip the old row first: the partial unique index allows one current row per user.
    await tx.update(subscriptions).set({ isCurrent: false, updatedAt: new Date() }).where(eq(subscriptions.id, current.id));
  }
  const [created] = await tx
    .insert(subscriptions)
    .values({
      userId,
      planId,
      status: 'pending',
      isCurrent: !stillActive,
      overrides: current?.overrides ?? {},
      notes: current?.notes ?? null,
    })
    .returning({ id: subscriptions.id });
  return created!.id;
}

/** DOMAIN.md "Payments" → Offline: the payment (pending) and its proof, admins notified, audited. */
export async function submitOfflinePayment(deps: PaymentDeps, input: SubmitOfflinePaymentInput): Promise<Payment> {
  const { actor, planId, reference, proof } = input;
  const userId = actor.userId;
  const contentType = await sniffProof(proof.bytes);
  const filename = proofFilename(proof.filename, contentType);

  const { paymentId, admins, payer } = await deps.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    if (!plan || plan.status !== 'published') throw notFound('Plan');
    if (plan.requestType !== 'paid') {
      throw new AppError('VALIDATION_FAILED', 'This plan is not paid online; please request a quote or a demo instead.', {
        fields: { planId: 'This plan cannot be paid for.' },
      });
    }
    const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
    const subscriptionId = await subscriptionFor(tx, userId, plan.id);
    const [payment] = await tx
      .insert(userOfflinePayments)
      .values({ userId, planId: plan.id, subscriptionId, reference, status: 'pending' })
      .returning();
    await tx.insert(paymentProofs).values({ paymentId: payment!.id, filename, contentType, size: proof.bytes.length, bytes: proof.bytes });
    const name = user?.name ?? 'a user';
    const notified = await notifyAdmins(tx, {
      kind: 'payment.submitted',
      title: `New offline payment from ${name}`,
      body: `${plan.name} plan · reference ${reference}`,
      link: `/admin/payments?status=pending`,
    });
    await recordAudit(tx, actor, {
      action: 'payment.offline_submit',
      target: { type: 'payment', id: payment!.id, label: reference },
      meta: { planId: plan.id, subscriptionId, contentType, size: proof.bytes.length },
    });
    return { paymentId: payment!.id, admins: notified, payer: { name, plan: plan.name } };
  });

  const subject = `New offline payment from ${payer.name}`;
  const text = [
    `${payer.name} submitted an offline payment for the ${payer.plan} plan (reference ${reference}).`,
    '',
    `Review it: ${deps.appUrl}/admin/payments?status=pending`,
  ].join('\n');
  void Promise.allSettled(admins.map((admin) => deps.mailer.send(admin.email, subject, text))).then((results) => {
    const failed = results.filter((result) => result.status === 'rejected').length;
    if (failed > 0) deps.log.warn({ paymentId, failed }, 'some payment emails could not be sent');
  });

  const [row] = await selectPayments(deps.db).where(eq(userOfflinePayments.id, paymentId));
  return toPayment(row!);
}
