import { and, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { WebhookEventItem, WebhookEventPage, WebhookEventQuery, WebhookEventStatus } from '../../../contracts/webhook-events';
import type { DbOrTx } from '../../db/connect';
import { webhookEvents } from '../../db/schema/index';

type WebhookEventRow = typeof webhookEvents.$inferSelect;

// The three states, read from the row: applied rows have processed_at; dead-lettered ones carry outcome 'failed'.
const isFailed = and(isNull(webhookEvents.processedAt), eq(webhookEvents.outcome, 'failed'))!;
const WHERE: Record<WebhookEventStatus, SQL> = {
  failed: isFailed,
  pending: and(isNull(webhookEvents.processedAt), or(isNull(webhookEvents.outcome), sql`${webhookEvents.outcome} <> 'failed'`))!,
  processed: isNotNull(webhookEvents.processedAt),
};

export function statusOf(row: Pick<WebhookEventRow, 'processedAt' | 'outcome'>): WebhookEventStatus {
  if (row.processedAt) return 'processed';
  return row.outcome === 'failed' ? 'failed' : 'pending';
}

export function toWebhookEventItem(row: WebhookEventRow): WebhookEventItem {
  return {
    id: row.id,
    source: row.source,
    eventType: row.eventType,
    subjectRef: row.subjectRef,
    status: statusOf(row),
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
    outcome: row.outcome,
    error: row.error,
  };
}

/** Admin → Settings → Webhooks: one page of events in a state (newest first) and how many are in each state. */
export async function listWebhookEvents(db: DbOrTx, query: WebhookEventQuery): Promise<WebhookEventPage> {
  const { page, pageSize, status } = query;
  const [rows, [counts]] = await Promise.all([
    db
      .select()
      .from(webhookEvents)
      .where(WHERE[status])
      .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({
        failed: sql<number>`count(*) FILTER (WHERE ${WHERE.failed})::int`,
        pending: sql<number>`count(*) FILTER (WHERE ${WHERE.pending})::int`,
        processed: sql<number>`count(*) FILTER (WHERE ${WHERE.processed})::int`,
      })
      .from(webhookEvents),
  ]);
  const totals = counts ?? { failed: 0, pending: 0, processed: 0 };
  return { items: rows.map(toWebhookEventItem), total: totals[status], page, pageSize, counts: totals };
}
