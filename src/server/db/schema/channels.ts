import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * A WhatsApp channel bought from WHAPI for one user (DOMAIN.md "Channels"). Two states: the billing `status`
 * follows the channel clock (active_from / expires_at), `auth_status` follows the phone link. The channel token is
 * sealed (K1). Deleted channels are kept (soft delete) for the ledger and the audit trail.
 */
export const channels = pgTable(
  'channels',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    channelRef: text('channel_ref').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    tokenSealed: text('token_sealed').notNull(),
    status: text('status', { enum: ['pending', 'active', 'expired'] }).notNull().default('pending'),
    authStatus: text('auth_status', { enum: ['pending', 'qr_generated', 'authorized', 'disconnected'] })
      .notNull()
      .default('pending'),
    stopped: boolean('stopped').notNull().default(false),
    mode: text('mode'),
    activeFrom: timestamp('active_from', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastHealth: text('last_health'),
    lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    webhookRegisteredAt: timestamp('webhook_registered_at', { withTimezone: true }),
    webhookError: text('webhook_error'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('channels_channel_ref_unique').on(t.channelRef),
    index('channels_user_idx').on(t.userId).where(sql`${t.deletedAt} IS NULL`),
    // Admin → Channels pages newest first (QUALITY P4: without it every page sorted the whole table).
    index('channels_created_idx').on(t.createdAt.desc(), t.id.desc()).where(sql`${t.deletedAt} IS NULL`),
    check('channels_status_valid', sql`${t.status} IN ('pending', 'active', 'expired')`),
    check('channels_auth_status_valid', sql`${t.authStatus} IN ('pending', 'qr_generated', 'authorized', 'disconnected')`),
    check('channels_clock_set_when_allocated', sql`${t.status} = 'pending' OR ${t.expiresAt} IS NOT NULL`),
  ],
);

/** The admin's main balance of channel-days (DOMAIN.md "Days" §2): one row that can never go below zero. */
export const mainBalance = pgTable(
  'main_balance',
  {
    id: integer('id').primaryKey().default(1),
    days: integer('days').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('main_balance_single_row', sql`${t.id} = 1`), check('main_balance_not_negative', sql`${t.days} >= 0`)],
);

/**
 * The operations journal (QUALITY L8): a row is written before WHAPI is called and finished after our commit, so a
 * crash in between leaves a `started` row that the reconciler completes or reverts from WHAPI's state. The
 * idempotency key makes a retried request return the first answer instead of acting twice (L3).
 */
export const channelOperations = pgTable(
  'channel_operations',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    kind: text('kind', { enum: ['create', 'extend', 'delete'] }).notNull(),
    channelId: text('channel_id').references(() => channels.id),
    userId: text('user_id').references(() => users.id),
    actorId: text('actor_id').references(() => users.id),
    days: integer('days'),
    state: text('state', { enum: ['started', 'succeeded', 'failed', 'repaired', 'reverted'] }).notNull().default('started'),
    idempotencyKey: text('idempotency_key'),
    request: jsonb('request').notNull().default({}),
    result: jsonb('result'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('channel_operations_kind_valid', sql`${t.kind} IN ('create', 'extend', 'delete')`),
    check(
      'channel_operations_state_valid',
      sql`${t.state} IN ('started', 'succeeded', 'failed', 'repaired', 'reverted')`,
    ),
    uniqueIndex('channel_operations_idempotency').on(t.kind, t.actorId, t.idempotencyKey),
    index('channel_operations_started_idx').on(t.createdAt).where(sql`${t.state} = 'started'`),
  ],
);

/** Platform switches an admin can flip (Admin → Settings); one row. */
export const appSettings = pgTable(
  'app_settings',
  {
    id: integer('id').primaryKey().default(1),
    autoAllocate: boolean('auto_allocate').notNull().default(true),
    /** IANA zone of the platform's calendar: the `daily` message limit resets at its midnight. */
    timeZone: text('time_zone').notNull().default('UTC'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [check('app_settings_single_row', sql`${t.id} = 1`)],
);
