import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Failed sign-in counters, shared by every process (QUALITY A1). key = 'email:<addr>' or 'ip:<addr>'.
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
