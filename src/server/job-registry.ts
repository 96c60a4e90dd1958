import { buildChannelJobs } from './features/channels/channel-jobs';
import { buildMessagingJobs } from './features/messaging/messaging-jobs';
import { paypalJobs } from './features/paypal/paypal-jobs';
import { buildWebhookEventJobs } from './features/webhook-events/webhook-event-jobs';
import type { JobDefinition } from './jobs/define-job';
import { purgeExpiredSessions } from './jobs/purge-expired-sessions';
import type { Services } from './services';

/**
 * Every job the platform runs, bound to this process's services. Jobs whose handlers are business logic live in
 * their feature (features/…/…-job.ts) and are bound here, so the runner never imports a feature (decision 011).
 */
export function buildJobs(services: Services): JobDefinition[] {
  return [purgeExpiredSessions, ...paypalJobs(services.paypal), ...buildChannelJobs(services), ...buildWebhookEventJobs(services), ...buildMessagingJobs(services)];
}
