import { defineJob, type JobDefinition } from '../../jobs/define-job';
import type { Services } from '../../services';
import { channelDeps } from '../channels/channel-deps';
import { deliverMessage } from './deliver-message';
import { dispatchCampaign } from './dispatch-campaign';
import { deliverMessageJob, dispatchCampaignJob, sweepMessagingJob } from './messaging-job-refs';
import { sweepMessaging } from './sweep-messaging';

/** The messaging jobs, bound to this process's services (job-registry.ts). Every handler is safe to run twice. */
export function buildMessagingJobs(services: Services): JobDefinition[] {
  const deps = () => channelDeps(services);
  return [
    defineJob({
      ...deliverMessageJob,
      // Retries are the handler's own (it re-enqueues with a delay); an unexpected throw is retried by pg-boss.
      retryLimit: 3,
      retryDelaySeconds: 15,
      async handler({ messageId }) {
        await deliverMessage(deps(), messageId);
      },
    }),
    defineJob({
      ...dispatchCampaignJob,
      retryLimit: 3,
      retryDelaySeconds: 15,
      expireInSeconds: 300,
      async handler({ campaignId }) {
        const outcome = await dispatchCampaign(deps(), campaignId);
        services.log.info({ campaignId, outcome }, 'campaign dispatcher stopped');
      },
    }),
    defineJob({
      ...sweepMessagingJob,
      cron: '* * * * *',
      retryLimit: 0,
      async handler(payload) {
        const result = await sweepMessaging(deps(), payload.userId ? { userId: payload.userId } : {});
        if (Object.values(result).some(Boolean)) services.log.info({ ...result, userId: payload.userId }, 'messaging sweep');
      },
    }),
  ];
}
