import { sql } from 'drizzle-orm';
import { bigserial, check, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { plans, subscriptions } from './plans';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** An offline (bank transfer) payment a user submitted with a proof; an admin approves or rejects it once. */
export const userOfflinePayments = pgTable(
  'user_offline_payments',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    subscriptionId: text('subscription_id').references(() => subscriptions.id),
    reference: text('reference').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] }).notNull().default('pending'),
    daysCredited: integer('days_credited'),
    rejectReason: text('reject_reason'),
    reviewedBy: text('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('user_offline_payments_status_valid', sql`${t.status} IN ('pending', 'approved', 'rejected')`),
    index('user_offline_payments_user_idx').on(t.userId, t.createdAt.desc()),
    index('user_offline_payments_status_idx').on(t.status, t.createdAt.desc()),
  ],
);

/** The proof file of one offline payment; type from content sniffing, never from the upload's claims. */
export const paymentProofs = pgTable('payment_proofs', {
  id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
  paymentId: text('payment_id')
    .notNull()
    .unique()
    .references(() => userOfflinePayments.id),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** DOMAIN.md ledger of days; append-only (trigger in migration 0006). */
export const balanceTransactions = pgTable(
  'balance_transactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type', { enum: ['topup', 'allocate', 'refund', 'sync', 'user_credit', 'user_debit'] }).notNull(),
    days: integer('days').notNull(),
    channelId: text('channel_id'),
    userId: text('user_id').references(() => users.id),
    actorId: text('actor_id').references(() => users.id),
    note: text('note'),
    opId: text('op_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'balance_transactions_type_valid',
      sql`${t.type} IN ('topup', 'allocate', 'refund', 'sync', 'user_credit', 'user_debit')`,
    ),
    // Direction is implied by the type; only a `sync` (set the balance to the partner's figure) carries a sign.
    check('balance_transactions_days_positive', sql`${t.days} > 0 OR (${t.type} = 'sync' AND ${t.days} <> 0)`),
    // The ledger lists order by (created_at, id): one index serves both, so no page sorts the ledger (QUALITY P4).
    index('balance_transactions_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('balance_transactions_user_idx').on(t.userId, t.createdAt.desc()),
  ],
);

/** Proof uploads per user in fixed one-hour windows, shared by every process; every attempt counts (QUALITY F1). */
export const uploadThrottle = pgTable('upload_throttle', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
});
