import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Every inbound webhook event we accepted, stored once per (source, event key) before we answer (W1), then applied
 * by a job. `outcome` says what applying it did (applied, ignored, user_banned, …) so a replay is explainable.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source', { enum: ['paypal', 'whapi_channel'] }).notNull(),
    eventKey: text('event_key').notNull(),
    eventType: text('event_type').notNull(),
    subjectRef: text('subject_ref'),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    outcome: text('outcome'),
    error: text('error'),
  },
  (t) => [
    check('webhook_events_source_valid', sql`${t.source} IN ('paypal', 'whapi_channel')`),
    uniqueIndex('webhook_events_source_key').on(t.source, t.eventKey),
    index('webhook_events_unprocessed_idx').on(t.receivedAt).where(sql`${t.processedAt} IS NULL`),
  ],
);
