import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { subscriptions } from './plans';

/**
 * Admin → Settings → PayPal: one row. The client secret is sealed with the secret box (K1); only its last four
 * characters are kept in clear, for display. The webhook id is PayPal's id of our webhook, needed to verify events.
 */
export const paypalSettings = pgTable(
  'paypal_settings',
  {
    id: integer('id').primaryKey().default(1),
    mode: text('mode', { enum: ['sandbox', 'live'] }).notNull().default('sandbox'),
    clientId: text('client_id'),
    clientSecretSealed: text('client_secret_sealed'),
    clientSecretLast4: text('client_secret_last4'),
    webhookId: text('webhook_id'),
    // missing | unverified | valid | invalid, like the WHAPI token: the last "Test connection" or call decides.
    status: text('status', { enum: ['missing', 'unverified', 'valid', 'invalid'] }).notNull().default('missing'),
    lastError: text('last_error'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [
    check('paypal_settings_single_row', sql`${t.id} = 1`),
    check('paypal_settings_mode_valid', sql`${t.mode} IN ('sandbox', 'live')`),
  ],
);

/**
 * One row per PayPal sale (PAYMENT.SALE.COMPLETED) we have seen: the primary key makes a sale count once however
 * often PayPal delivers it (W1). `periods` says how many billing periods the sale was worth to us (0 for the first
 * charge, which the activation already granted).
 */
export const paypalSales = pgTable('paypal_sales', {
  saleId: text('sale_id').primaryKey(),
  paypalSubscriptionId: text('paypal_subscription_id').notNull(),
  subscriptionId: text('subscription_id').references(() => subscriptions.id),
  amount: text('amount'),
  currency: text('currency'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
