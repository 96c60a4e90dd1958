import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Admin → Settings → WHAPI Integration: one row. Secrets are sealed with the secret box (AES-256-GCM, K1);
 * only the last four characters of the partner token are kept in clear, for display.
 */
export const whapiSettings = pgTable(
  'whapi_settings',
  {
    id: integer('id').primaryKey().default(1),
    partnerTokenSealed: text('partner_token_sealed'),
    partnerTokenLast4: text('partner_token_last4'),
    // missing | unverified | valid | invalid: drives the admin banner and refuses WHAPI calls while invalid.
    tokenStatus: text('token_status', { enum: ['missing', 'unverified', 'valid', 'invalid'] }).notNull().default('missing'),
    tokenError: text('token_error'),
    tokenCheckedAt: timestamp('token_checked_at', { withTimezone: true }),
    projectId: text('project_id'),
    partnerName: text('partner_name'),
    webhookSecretSealed: text('webhook_secret_sealed').notNull(),
    daysLimit: integer('days_limit'),
    webhookRegisteredAt: timestamp('webhook_registered_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [check('whapi_settings_single_row', sql`${t.id} = 1`)],
);

/** The partner "days" webhook (DOMAIN.md "Partner balance"): its payload is undocumented, so it is kept whole. */
export const partnerBalanceNotices = pgTable(
  'partner_balance_notices',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    currentDays: integer('current_days'),
    daysLimit: integer('days_limit'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    raw: jsonb('raw').notNull(),
  },
  (t) => [index('partner_balance_notices_received_idx').on(t.receivedAt.desc())],
);
