import { z } from 'zod';
import { isoDate, paged, pageQuery } from './common';

/**
 * Admin → Settings → Webhooks (QUALITY W4): inbound webhook events as stored in `webhook_events`.
 * `failed` = every retry failed and the event was dead-lettered; `pending` = stored, not yet applied (its job is
 * queued or retrying); `processed` = applied (whatever the outcome said).
 */
export const WEBHOOK_EVENT_STATUSES = ['failed', 'pending', 'processed'] as const;
export type WebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];
export const WEBHOOK_SOURCES = ['paypal', 'whapi_channel'] as const;

export const WEBHOOK_EVENT_MESSAGES = {
  notFailed: 'This event is not failed any more: it was already replayed or applied.',
  jobsUnavailable: 'Background jobs are not running, so the event cannot be replayed now.',
} as const;

export const webhookEventQuery = pageQuery.extend({
  status: z.enum(WEBHOOK_EVENT_STATUSES).default('failed'),
});
export type WebhookEventQuery = z.infer<typeof webhookEventQuery>;

export const webhookEventItem = z.object({
  id: z.number().int(),
  source: z.enum(WEBHOOK_SOURCES),
  eventType: z.string(),
  subjectRef: z.string().nullable(),
  status: z.enum(WEBHOOK_EVENT_STATUSES),
  receivedAt: isoDate,
  processedAt: isoDate.nullable(),
  outcome: z.string().nullable(),
  error: z.string().nullable(),
});
export type WebhookEventItem = z.infer<typeof webhookEventItem>;

export const webhookEventCounts = z.object({
  failed: z.number().int(),
  pending: z.number().int(),
  processed: z.number().int(),
});
export type WebhookEventCounts = z.infer<typeof webhookEventCounts>;

export const webhookEventPage = paged(webhookEventItem).extend({ counts: webhookEventCounts });
export type WebhookEventPage = z.infer<typeof webhookEventPage>;

export const webhookEventParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const replayWebhookEventReply = z.object({ event: webhookEventItem });
export type ReplayWebhookEventReply = z.infer<typeof replayWebhookEventReply>;
