import { z } from 'zod';
import { channelWebhookParams } from '../../../contracts/channels';
import { okBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import { applyChannelEvent } from '../../features/channels/apply-channel-event';
import { channelDeps } from '../../features/channels/channel-deps';
import { RECONCILE_AFTER_SECONDS } from '../../features/channels/channel-jobs';
import { reconcileChannelOperationsJob } from '../../features/channels/channel-jobs-refs';
import { receiveChannelWebhook } from '../../features/channels/receive-channel-webhook';
import type { App, AppDeps } from '../app-deps';

// Called by WHAPI, not by a browser: no session, no CSRF check; the secret in the path authenticates (W1).
export function channelWebhookRoutes(app: App, { services }: AppDeps): void {
  app.post(
    '/api/webhooks/whapi/channels/:channelRef/:secret',
    {
      config: { access: 'public', csrf: false },
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['webhooks'],
        params: channelWebhookParams,
        body: z.unknown(),
        response: { 200: okBody, 400: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const deps = channelDeps(services);
      const { eventId } = await receiveChannelWebhook(deps, { ...request.params, body: request.body });
      // The job is the durable path, but pg-boss polls every few seconds; applying right after the answer gets
      // "connected" to the user's tab within a second (QUALITY P7). Whichever comes first claims the event.
      if (eventId !== null) {
        setImmediate(() => {
          applyChannelEvent(deps, eventId).catch((error: unknown) =>
            request.log.warn({ err: error, eventId }, 'channel event not applied yet; its job will retry'),
          );
        });
      }
      return { ok: true as const };
    },
  );

  // QUALITY L8: a crash may have left operations half-done; settle them as soon as a process is up.
  app.addHook('onReady', async () => {
    await services.jobs
      ?.enqueue(reconcileChannelOperationsJob, { olderThanSeconds: RECONCILE_AFTER_SECONDS }, { singletonKey: 'channels.reconcile.start' })
      .catch((error: unknown) => services.log.warn({ err: error }, 'could not queue the start-up reconciliation'));
  });
}
