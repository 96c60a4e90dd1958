import { desc, eq, sql } from 'drizzle-orm';
import type { AdminPaymentPage, AdminPaymentQuery, Payment } from '../../../contracts/payments';
import { adminPaymentQuery } from '../../../contracts/payments';
import { notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { paymentProofs, userOfflinePayments } from '../../db/schema/index';
import { selectPayments, toAdminPayment, toPayment } from './payment-row';

/** The signed-in user's own payments, newest first. */
export async function listOwnPayments(db: Db, userId: string): Promise<Payment[]> {
  const rows = await selectPayments(db)
    .where(eq(userOfflinePayments.userId, userId))
    .orderBy(desc(userOfflinePayments.createdAt), desc(userOfflinePayments.id));
  return rows.map(toPayment);
}

/** Admin → Payments: one tab's page plus the count of every tab. */
export async function listPaymentsForAdmin(db: Db, query: AdminPaymentQuery): Promise<AdminPaymentPage> {
  const { status, page, pageSize } = adminPaymentQuery.parse(query);
  const rows = await selectPayments(db)
    .where(eq(userOfflinePayments.status, status))
    .orderBy(status === 'pending' ? userOfflinePayments.createdAt : desc(userOfflinePayments.reviewedAt), desc(userOfflinePayments.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const countRows = await db
    .select({ status: userOfflinePayments.status, n: sql<number>`count(*)::int` })
    .from(userOfflinePayments)
    .groupBy(userOfflinePayments.status);
  const counts = { pending: 0, approved: 0, rejected: 0 };
  for (const row of countRows) counts[row.status] = row.n;
  return { items: rows.map(toAdminPayment), total: counts[status], page, pageSize, counts };
}

/** A proof's bytes for its owner or an admin; anyone else is told it does not exist (no probing of ids). */
export async function findProof(db: Db, viewer: { id: string; role: string }, paymentId: string) {
  const [row] = await db
    .select({ proof: paymentProofs, ownerId: userOfflinePayments.userId })
    .from(paymentProofs)
    .innerJoin(userOfflinePayments, eq(userOfflinePayments.id, paymentProofs.paymentId))
    .where(eq(paymentProofs.paymentId, paymentId));
  if (!row || (row.ownerId !== viewer.id && viewer.role !== 'admin')) throw notFound('Proof');
  return row.proof;
}
