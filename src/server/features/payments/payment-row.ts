import { eq } from 'drizzle-orm';
import type { AdminPayment, Payment } from '../../../contracts/payments';
import { PERIOD_DAYS } from '../../../domain/plans';
import type { DbOrTx } from '../../db/connect';
import { paymentProofs, plans, userOfflinePayments, users } from '../../db/schema/index';

/** The columns every payment view reads: the payment, its plan, its proof's metadata (never the bytes) and payer. */
export function selectPayments(db: DbOrTx) {
  return db
    .select({
      payment: userOfflinePayments,
      planName: plans.name,
      billingPeriod: plans.billingPeriod,
      proofFilename: paymentProofs.filename,
      proofContentType: paymentProofs.contentType,
      proofSize: paymentProofs.size,
      userName: users.name,
      userEmail: users.email,
    })
    .from(userOfflinePayments)
    .innerJoin(plans, eq(plans.id, userOfflinePayments.planId))
    .innerJoin(users, eq(users.id, userOfflinePayments.userId))
    .leftJoin(paymentProofs, eq(paymentProofs.paymentId, userOfflinePayments.id));
}

export type PaymentSelection = Awaited<ReturnType<ReturnType<typeof selectPayments>['execute']>>[number];

export function toPayment(row: PaymentSelection): Payment {
  const p = row.payment;
  return {
    id: p.id,
    planId: p.planId,
    planName: row.planName,
    reference: p.reference,
    status: p.status,
    daysCredited: p.daysCredited,
    rejectReason: p.rejectReason,
    submittedAt: p.createdAt.toISOString(),
    reviewedAt: p.reviewedAt?.toISOString() ?? null,
    proof:
      row.proofFilename !== null && row.proofContentType !== null && row.proofSize !== null
        ? { filename: row.proofFilename, contentType: row.proofContentType, size: row.proofSize }
        : null,
  };
}

export function toAdminPayment(row: PaymentSelection): AdminPayment {
  return {
    ...toPayment(row),
    user: { id: row.payment.userId, name: row.userName, email: row.userEmail },
    periodDays: PERIOD_DAYS[row.billingPeriod],
  };
}
