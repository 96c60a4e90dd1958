import { z } from 'zod';
import { isoDate, paged, pageQuery } from './common';

export const PAYMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Proofs are sniffed by content; only these types are kept (QUALITY F2). */
export const PROOF_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const PROOF_MAX_BYTES = 5 * 1024 * 1024;

export const paymentIdParams = z.object({ id: z.string().min(1).max(64) });

/** The text fields of the multipart upload (the file is `proof`). */
export const offlinePaymentFields = z.object({
  planId: z.string().trim().min(1, 'Choose a plan.').max(64),
  reference: z.string().trim().min(1, 'Enter the transfer reference.').max(120, 'At most 120 characters.'),
});

export const payment = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  reference: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  daysCredited: z.number().int().nullable(),
  rejectReason: z.string().nullable(),
  submittedAt: isoDate,
  reviewedAt: isoDate.nullable(),
  proof: z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() }).nullable(),
});
export type Payment = z.infer<typeof payment>;
export const paymentBody = z.object({ payment });
export const paymentList = z.object({ payments: z.array(payment) });

export const adminPayment = payment.extend({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  /** Days the plan's billing period is worth: the default of an approval. */
  periodDays: z.number().int(),
});
export type AdminPayment = z.infer<typeof adminPayment>;

export const adminPaymentQuery = pageQuery.extend({ status: z.enum(PAYMENT_STATUSES).default('pending') });
export type AdminPaymentQuery = z.input<typeof adminPaymentQuery>;
export const adminPaymentPage = paged(adminPayment).extend({
  counts: z.object({ pending: z.number().int(), approved: z.number().int(), rejected: z.number().int() }),
});
export type AdminPaymentPage = z.infer<typeof adminPaymentPage>;
export const adminPaymentBody = z.object({ payment: adminPayment });

export const approvePaymentBody = z.strictObject({ days: z.number().int().min(1).max(3650).optional() });
export const rejectPaymentBody = z.strictObject({
  reason: z.string().trim().min(1, 'Give a reason.').max(1000, 'At most 1000 characters.'),
});

export const PAYMENT_MESSAGES = {
  alreadyDecided: 'This payment has already been decided.',
  approvedTitle: 'Your plan is now active. You can add your first WhatsApp channel.',
} as const;
