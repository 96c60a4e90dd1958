import { and, eq, isNull } from 'drizzle-orm';
import { WEBHOOK_EVENT_MESSAGES, type WebhookEventItem } from '../../../contracts/webhook-events';
import { AppError, notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { webhookEvents } from '../../db/schema/index';
import type { JobRunner } from '../../jobs/job-runner';
import { recordAudit, type Actor } from '../audit/record-audit';
import { applyChannelEventJob } from '../channels/channel-jobs-refs';
import { applyPayPalEventJob } from '../paypal/apply-paypal-event-ref';
import { toWebhookEventItem } from './list-webhook-events';

const APPLY_JOB = { paypal: applyPayPalEventJob, whapi_channel: applyChannelEventJob } as const;

/**
 * "Replay" on a dead-lettered event (QUALITY W4): one guarded UPDATE moves only a failed row back to pending, and
 * its apply job is enqueued and the audit row written in the same transaction. A second replay — or a second
 * admin at the same moment, who waits on the row lock — finds it no longer failed and gets a 409 that changes
 * nothing. The apply job itself is idempotent (processed_at), so the event takes effect once.
 */
export async function replayWebhookEvent(
  deps: { db: Db; jobs: JobRunner | null },
  actor: Actor,
  eventId: number,
): Promise<WebhookEventItem> {
  const jobs = deps.jobs;
  if (!jobs) throw new AppError('SERVICE_UNAVAILABLE', WEBHOOK_EVENT_MESSAGES.jobsUnavailable);
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEvents).where(eq(webhookEvents.id, eventId)).for('update');
    if (!before) throw notFound('Webhook event');
    const [moved] = await tx
      .update(webhookEvents)
      .set({ outcome: null, error: null })
      .where(and(eq(webhookEvents.id, eventId), isNull(webhookEvents.processedAt), eq(webhookEvents.outcome, 'failed')))
      .returning();
    if (!moved) throw new AppError('CONFLICT', WEBHOOK_EVENT_MESSAGES.notFailed);
    await jobs.enqueue(APPLY_JOB[moved.source], { eventId }, { tx });
    await recordAudit(tx, actor, {
      action: 'webhook.replay',
      target: { type: 'webhook_event', id: String(eventId), label: `${moved.source} ${moved.eventType}` },
      meta: { source: moved.source, eventType: moved.eventType, subjectRef: moved.subjectRef, previousError: before.error },
    });
    return toWebhookEventItem(moved);
  });
}
