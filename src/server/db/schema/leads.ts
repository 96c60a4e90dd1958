import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { plans } from './plans';

/** Quote and demo requests from the pricing pages (DOMAIN.md "Pricing and calls to action"). */
export const leads = pgTable(
  'leads',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    kind: text('kind', { enum: ['quote', 'demo'] }).notNull(),
    // A plan may be deleted later; the request stays, without its plan.
    planId: text('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** E.164. */
    phone: text('phone').notNull(),
    company: text('company'),
    message: text('message'),
    preferredAt: timestamp('preferred_at', { withTimezone: true }),
    status: text('status', { enum: ['new', 'contacted', 'closed'] }).notNull().default('new'),
    /** Internal, admins only. */
    notes: text('notes'),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('leads_demo_has_slot', sql`${t.kind} <> 'demo' OR ${t.preferredAt} IS NOT NULL`),
    index('leads_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
    index('leads_status_created_at_idx').on(t.status, t.createdAt.desc()),
  ],
);

// Spam counters for POST /api/leads, shared by every process. key = 'ip:<addr>' or 'email:<addr>'.
export const leadThrottle = pgTable('lead_throttle', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
});
