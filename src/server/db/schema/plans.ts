import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { PageAccess } from '../../../domain/plans';
import { users } from './auth';

/** DOMAIN.md "Plans". Money in integer minor units of `currency`; limits -1 = unlimited. */
export const plans = pgTable(
  'plans',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    name: text('name').notNull(),
    currency: text('currency').notNull().default('USD'),
    monthlyPriceMinor: bigint('monthly_price_minor', { mode: 'number' }),
    billingPeriod: text('billing_period', { enum: ['monthly', 'semi_annual', 'annual'] }).notNull().default('monthly'),
    requestType: text('request_type', { enum: ['paid', 'request_quote', 'book_demo'] }).notNull().default('paid'),
    paypalPlanId: text('paypal_plan_id'),
    status: text('status', { enum: ['draft', 'published', 'archived'] }).notNull().default('draft'),
    visibility: text('visibility', { enum: ['landing', 'dashboard', 'both'] }).notNull().default('both'),
    sortOrder: integer('sort_order').notNull().default(0),
    limitDaily: integer('limit_daily').notNull().default(0),
    limitBulk: integer('limit_bulk').notNull().default(0),
    limitChannels: integer('limit_channels').notNull().default(0),
    limitChatbots: integer('limit_chatbots').notNull().default(0),
    pageAccess: jsonb('page_access').$type<Partial<PageAccess>>().notNull().default({}),
    features: jsonb('features').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('plans_price_not_negative', sql`${t.monthlyPriceMinor} IS NULL OR ${t.monthlyPriceMinor} >= 0`),
    check(
      'plans_limits_valid',
      sql`${t.limitDaily} >= -1 AND ${t.limitBulk} >= -1 AND ${t.limitChannels} >= -1 AND ${t.limitChatbots} >= -1`,
    ),
    check('plans_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('plans_status_sort_idx').on(t.status, t.sortOrder),
  ],
);

export interface SubscriptionOverrides {
  limits?: Partial<Record<'daily' | 'bulk' | 'channels' | 'chatbots', number>>;
  pageAccess?: Partial<PageAccess>;
  requestType?: 'paid' | 'request_quote' | 'book_demo';
}

/**
 * One current subscription per user (history kept with is_current = false). The service clock is
 * `service_ends_at` (DOMAIN.md "Days" §3); overrides never touch the plan.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    planId: text('plan_id').references(() => plans.id),
    status: text('status', { enum: ['pending', 'active', 'expired', 'canceled'] }).notNull().default('pending'),
    paymentMethod: text('payment_method', { enum: ['paypal', 'offline', 'admin'] }),
    serviceEndsAt: timestamp('service_ends_at', { withTimezone: true }),
    daysTotal: integer('days_total').notNull().default(0),
    overrides: jsonb('overrides').$type<SubscriptionOverrides>().notNull().default({}),
    notes: text('notes'),
    // PayPal: custom_id is this row's id; periods credited so far make renewals count once (decision 011).
    paypalSubscriptionId: text('paypal_subscription_id'),
    paypalStatus: text('paypal_status'),
    paypalPeriodsCredited: integer('paypal_periods_credited').notNull().default(0),
    paypalSyncedAt: timestamp('paypal_synced_at', { withTimezone: true }),
    isCurrent: boolean('is_current').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subscriptions_one_current_per_user').on(t.userId).where(sql`${t.isCurrent}`),
    index('subscriptions_plan_idx').on(t.planId),
    uniqueIndex('subscriptions_paypal_subscription_unique').on(t.paypalSubscriptionId),
    check('subscriptions_status_valid', sql`${t.status} IN ('pending', 'active', 'expired', 'canceled')`),
  ],
);
