import { defineJob, type JobDefinition } from '../../jobs/define-job';
import type { Services } from '../../services';
import { recordWebhookFailure } from './record-webhook-failure';
import { webhookDeadLetterJob } from './webhook-dead-letter-ref';

/** The dead-letter job of the webhook-apply jobs (QUALITY W4), bound to this process's services. */
export function buildWebhookEventJobs(services: Services): JobDefinition[] {
  return [
    defineJob({
      ...webhookDeadLetterJob,
      retryLimit: 3,
      async handler({ eventId }, _context, { failure }) {
        const marked = await recordWebhookFailure(services.db, eventId, failure);
        if (marked) services.log.error({ eventId, failure }, 'webhook event failed after every retry (dead-lettered)');
        else services.log.info({ eventId }, 'dead-lettered webhook event was applied meanwhile');
      },
    }),
  ];
}
