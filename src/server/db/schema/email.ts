import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Admin → Settings → Email: one row. The SMTP URL may carry a password, so it is sealed (K1); `smtp_display` is
 * the same URL without credentials, for the settings page. When no row is set, SMTP_URL from the environment is used.
 */
export const emailSettings = pgTable(
  'email_settings',
  {
    id: integer('id').primaryKey().default(1),
    smtpUrlSealed: text('smtp_url_sealed'),
    smtpDisplay: text('smtp_display'),
    fromAddress: text('from_address'),
    lastTestAt: timestamp('last_test_at', { withTimezone: true }),
    lastTestError: text('last_test_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [check('email_settings_single_row', sql`${t.id} = 1`)],
);
