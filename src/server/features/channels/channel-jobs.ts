import { defineJob, type JobDefinition } from '../../jobs/define-job';
import type { Services } from '../../services';
import { WEBHOOK_APPLY_RETRY } from '../webhook-events/webhook-dead-letter-ref';
import { applyChannelEvent } from './apply-channel-event';
import { autoAllocateChannels } from './auto-allocate-channels';
import { autoAllocateChannelsJob } from './auto-allocate-ref';
import { channelDeps } from './channel-deps';
import { applyChannelEventJob, expireChannelsJob, reconcileChannelOperationsJob } from './channel-jobs-refs';
import { expireChannels } from './expire-channels';
import { reconcileChannelOperations } from './reconcile-operations';

/** Operations younger than this may still be waiting for WHAPI (15 s timeout, retries): the reconciler leaves them. */
export const RECONCILE_AFTER_SECONDS = 120;

/** The channel jobs, bound to this process's services (job-registry.ts). Every handler is safe to run twice. */
export function buildChannelJobs(services: Services): JobDefinition[] {
  return [
    defineJob({
      ...autoAllocateChannelsJob,
      async handler(payload) {
        const result = await autoAllocateChannels(channelDeps(services), payload);
        services.log.info({ userId: payload.userId, ...result }, 'auto-allocation ran');
        // A WHAPI hiccup is worth a retry (already extended channels are skipped then); a missing balance is not.
        if (result.failed.some((failure) => failure.code !== 'INSUFFICIENT_BALANCE')) {
          throw new Error(`auto-allocation failed for ${result.failed.length} channel(s)`);
        }
      },
    }),
    defineJob({
      ...applyChannelEventJob,
      ...WEBHOOK_APPLY_RETRY,
      async handler({ eventId }) {
        await applyChannelEvent(channelDeps(services), eventId);
      },
    }),
    defineJob({
      ...reconcileChannelOperationsJob,
      cron: '*/3 * * * *',
      retryLimit: 0,
      async handler(payload) {
        await reconcileChannelOperations(channelDeps(services), { olderThanSeconds: payload.olderThanSeconds ?? RECONCILE_AFTER_SECONDS });
      },
    }),
    defineJob({
      ...expireChannelsJob,
      cron: '* * * * *',
      retryLimit: 0,
      async handler() {
        const expired = await expireChannels(services.db);
        if (expired.length) services.log.info({ channels: expired.length }, 'channels expired');
      },
    }),
  ];
}
