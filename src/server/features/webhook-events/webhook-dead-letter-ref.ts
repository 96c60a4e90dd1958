import { z } from 'zod';
import { defineJobRef, type JobDefinition } from '../../jobs/define-job';

/**
 * Where pg-boss sends a webhook-apply job whose last retry failed (QUALITY W4): the same payload, so one queue
 * serves every source (`webhook_events.id` is unique across them). Bound in webhook-event-jobs.ts.
 */
export const webhookDeadLetterJob = defineJobRef('webhooks.dead-letter', z.object({ eventId: z.number().int().positive() }));

/**
 * The retry policy of every webhook-apply job (paypal.apply-event, channels.apply-webhook). pg-boss 10's
 * exponential backoff with jitter: retry n waits a random time in [30·2^(n-1), 30·2^n] s, i.e. 30–60 s, 1–2 min,
 * 2–4 min, 4–8 min, 8–16 min, 16–32 min. pg-boss 10 has no retryDelayMax, so the cap is the retry limit: no wait
 * exceeds 32 min, and an event that keeps failing is dead-lettered after 7 attempts, at most ~64 min (plus the
 * runs themselves, each cut at 5 min) after it arrived. The admin sees it under Settings → Webhooks and may
 * replay it.
 */
export const WEBHOOK_APPLY_RETRY = {
  retryLimit: 6,
  retryDelaySeconds: 30,
  // A run makes a few provider calls, each with a 15 s timeout and up to 3 retries (QUALITY O1).
  expireInSeconds: 300,
  deadLetter: webhookDeadLetterJob,
} as const satisfies Pick<JobDefinition, 'retryLimit' | 'retryDelaySeconds' | 'expireInSeconds' | 'deadLetter'>;
