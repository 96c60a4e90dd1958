import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { channels } from './channels';

const MESSAGE_STATUS_SQL = sql.raw(`'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled'`);

/**
 * A bulk campaign (DOMAIN.md "Messaging"): one message text to a list of recipients through one channel. Its
 * recipients are outbox rows; the campaign keeps only what the rows cannot say (pause reason, pacing, the bulk
 * window it was charged to, so a cancel can give unsent messages back to the same window).
 */
export const messageCampaigns = pgTable(
  'message_campaigns',
  {
    id: text('id').primaryKey().default(sql`gen_random_uuid()::text`),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    name: text('name').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['running', 'paused', 'completed', 'cancelled'] }).notNull().default('running'),
    pausedReason: text('paused_reason'),
    intervalSeconds: integer('interval_seconds').notNull().default(0),
    total: integer('total').notNull(),
    bulkWindow: text('bulk_window').notNull(),
    /** A dispatcher holds the campaign until then (one sender per campaign keeps the pacing); also "wait until". */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    check('message_campaigns_status_valid', sql`${t.status} IN ('running', 'paused', 'completed', 'cancelled')`),
    check('message_campaigns_total_positive', sql`${t.total} > 0`),
    check('message_campaigns_interval_valid', sql`${t.intervalSeconds} BETWEEN 0 AND 600`),
    index('message_campaigns_user_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('message_campaigns_running_idx').on(t.userId).where(sql`${t.status} = 'running'`),
  ],
);

/**
 * Every outgoing message, written before it is sent (ARCHITECTURE "Outgoing message"). `status` only moves forward;
 * `sending` marks a row claimed by a dispatcher, so a crash mid-send is found and settled from WHAPI's history
 * (QUALITY B1). A campaign reaches each recipient once: (campaign, recipient) is unique.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    channelId: text('channel_id')
      .notNull()
      .references(() => channels.id),
    campaignId: text('campaign_id').references(() => messageCampaigns.id),
    /** E.164 with the "+", as shown to people; WHAPI gets the digits. */
    recipient: text('recipient').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled'] })
      .notNull()
      .default('queued'),
    whapiMessageId: text('whapi_message_id'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('outbox_messages_status_valid', sql`${t.status} IN (${MESSAGE_STATUS_SQL})`),
    uniqueIndex('outbox_messages_whapi_id_unique').on(t.whapiMessageId),
    uniqueIndex('outbox_messages_campaign_recipient_unique').on(t.campaignId, t.recipient),
    index('outbox_messages_user_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The dispatcher's next batch: a campaign's queued rows in order, without scanning the sent ones.
    index('outbox_messages_campaign_queued_idx').on(t.campaignId, t.id).where(sql`${t.status} = 'queued'`),
    index('outbox_messages_campaign_status_idx').on(t.campaignId, t.status),
    // Rows a crash left claimed, and single messages waiting for an unban.
    index('outbox_messages_in_flight_idx').on(t.claimedAt).where(sql`${t.status} = 'sending'`),
    index('outbox_messages_user_queued_idx').on(t.userId).where(sql`${t.status} = 'queued' AND ${t.campaignId} IS NULL`),
  ],
);

/**
 * Messages counted against a limit in one window: `daily` per calendar day in the platform time zone (window
 * "2026-11-22"), `bulk` per service period of a subscription (window "<subscription id>:<period index>"). The
 * guarded upsert that charges a row is what makes concurrent sends unable to overshoot (DOMAIN.md "Messaging").
 */
export const messageUsage = pgTable(
  'message_usage',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['daily', 'bulk'] }).notNull(),
    window: text('window').notNull(),
    used: integer('used').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.window] }),
    check('message_usage_kind_valid', sql`${t.kind} IN ('daily', 'bulk')`),
    check('message_usage_used_not_negative', sql`${t.used} >= 0`),
  ],
);
