import {
  channelHealthReply,
  channelIdParams,
  createChannelBody,
  createChannelReply,
  pairingCodeBody,
  pairingCodeReply,
  qrReply,
  qrRequestBody,
  userChannelBody,
  userChannelsBody,
} from '../../../contracts/channels';
import { errorBody } from '../../../contracts/errors';
import { channelDeps } from '../../features/channels/channel-deps';
import { requireChannelView, toUserChannel } from '../../features/channels/channel-row';
import { createChannel } from '../../features/channels/create-channel';
import { listUserChannels } from '../../features/channels/list-user-channels';
import { pollChannelHealth } from '../../features/channels/poll-channel-health';
import { requestPairingCode } from '../../features/channels/request-pairing-code';
import { requestQr } from '../../features/channels/request-qr';
import { requireUser } from '../access-guard';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
  502: errorBody,
  503: errorBody,
};
const page = { config: { access: 'channels' as const } };

/** User → Channels (page `channels`): only the caller's own channels; another user's id is a 404. */
export function channelRoutes(app: App, { services }: AppDeps): void {
  const deps = () => channelDeps(services);

  app.get(
    '/api/channels',
    { ...page, schema: { tags: ['channels'], response: { 200: userChannelsBody, ...errors } } },
    async (request) => listUserChannels(deps(), requireUser(request).id),
  );

  app.post(
    '/api/channels',
    { ...page, schema: { tags: ['channels'], body: createChannelBody, response: { 201: createChannelReply, ...errors } } },
    async (request, reply) => {
      const user = requireUser(request);
      const created = await createChannel(deps(), {
        ...request.body,
        actor: actorOf(request),
        ownerId: user.id,
        audience: user.role === 'admin' ? 'admin' : 'user',
      });
      return reply.status(201).send({ channel: toUserChannel(created.view, new Date()), autoAllocationQueued: created.autoAllocationQueued });
    },
  );

  app.get(
    '/api/channels/:id',
    { ...page, schema: { tags: ['channels'], params: channelIdParams, response: { 200: userChannelBody, ...errors } } },
    async (request) => {
      const view = await requireChannelView(services.db, request.params.id, requireUser(request).id);
      return { channel: toUserChannel(view, new Date()) };
    },
  );

  app.post(
    '/api/channels/:id/qr',
    { ...page, schema: { tags: ['channels'], params: channelIdParams, body: qrRequestBody, response: { 200: qrReply, ...errors } } },
    async (request) =>
      requestQr(deps(), {
        actor: actorOf(request),
        channelId: request.params.id,
        ownerId: requireUser(request).id,
        rotation: request.body?.rotation ?? 1,
        reauthorize: false,
      }),
  );

  app.post(
    '/api/channels/:id/pairing-code',
    {
      ...page,
      schema: { tags: ['channels'], params: channelIdParams, body: pairingCodeBody, response: { 200: pairingCodeReply, ...errors } },
    },
    async (request) =>
      requestPairingCode(deps(), { channelId: request.params.id, ownerId: requireUser(request).id, phone: request.body?.phone }),
  );

  app.get(
    '/api/channels/:id/health',
    { ...page, schema: { tags: ['channels'], params: channelIdParams, response: { 200: channelHealthReply, ...errors } } },
    async (request) => pollChannelHealth(deps(), { channelId: request.params.id, ownerId: requireUser(request).id }),
  );
}
