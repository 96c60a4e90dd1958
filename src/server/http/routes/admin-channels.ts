import {
  adminChannelDetails,
  adminChannelPage,
  adminChannelQuery,
  adminCreateChannelBody,
  adminCreateChannelReply,
  adminCreateGuardQuery,
  adminCreateGuardReply,
  channelHealthReply,
  channelIdParams,
  channelTokenReply,
  deleteChannelReply,
  deletePreviewReply,
  extendChannelBody,
  extendChannelReply,
  idempotencyHeaders,
  pairingCodeBody,
  pairingCodeReply,
  qrReply,
  qrRequestBody,
} from '../../../contracts/channels';
import { errorBody } from '../../../contracts/errors';
import { notFound } from '../../app-error';
import { channelDeps } from '../../features/channels/channel-deps';
import { describeChannelGuard } from '../../features/channels/channel-guard';
import { toAdminChannel } from '../../features/channels/channel-row';
import { createChannel } from '../../features/channels/create-channel';
import { deleteChannel, previewDelete } from '../../features/channels/delete-channel';
import { describeAdminChannel } from '../../features/channels/describe-admin-channel';
import { extendChannel } from '../../features/channels/extend-channel';
import { listAdminChannels } from '../../features/channels/list-admin-channels';
import { pollChannelHealth } from '../../features/channels/poll-channel-health';
import { requestPairingCode } from '../../features/channels/request-pairing-code';
import { requestQr } from '../../features/channels/request-qr';
import { revealChannelToken } from '../../features/channels/reveal-channel-token';
import { emptyBody } from '../../../contracts/common';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
  429: errorBody,
  502: errorBody,
  503: errorBody,
};
const admin = { config: { access: 'admin.channels' as const } };
const tags = ['admin'];

/** Admin → Channels (page `admin.channels`): list, create for a user, allocate days, QR, delete with refund. */
export function adminChannelRoutes(app: App, { services }: AppDeps): void {
  const deps = () => channelDeps(services);

  app.post(
    '/api/admin/channels/:id/token',
    { ...admin, schema: { tags, params: channelIdParams, body: emptyBody, response: { 200: channelTokenReply, ...errors } } },
    async (request) => ({ channelToken: await revealChannelToken(deps(), actorOf(request), request.params.id) }),
  );

  app.get(
    '/api/admin/channels',
    { ...admin, schema: { tags, querystring: adminChannelQuery, response: { 200: adminChannelPage, ...errors } } },
    async (request) => listAdminChannels(deps(), request.query),
  );

  app.get(
    '/api/admin/channels/guard',
    { ...admin, schema: { tags, querystring: adminCreateGuardQuery, response: { 200: adminCreateGuardReply, ...errors } } },
    async (request) => {
      const described = await describeChannelGuard(deps(), request.query.userId, 'admin');
      if (!described) throw notFound('User');
      return { guard: described.guard, periodDays: described.owner.periodDays };
    },
  );

  app.post(
    '/api/admin/channels',
    { ...admin, schema: { tags, body: adminCreateChannelBody, response: { 201: adminCreateChannelReply, ...errors } } },
    async (request, reply) => {
      const { userId, ...fields } = request.body;
      const created = await createChannel(deps(), { ...fields, actor: actorOf(request), ownerId: userId, audience: 'admin' });
      return reply.status(201).send({
        channel: toAdminChannel(created.view, services.box, new Date()),
        autoAllocationQueued: created.autoAllocationQueued,
      });
    },
  );

  app.get(
    '/api/admin/channels/:id',
    { ...admin, schema: { tags, params: channelIdParams, response: { 200: adminChannelDetails, ...errors } } },
    async (request) => describeAdminChannel(deps(), request.params.id),
  );

  app.post(
    '/api/admin/channels/:id/extend',
    {
      ...admin,
      schema: {
        tags,
        description: '"Activate (N days)" / "Extend Days". Send an Idempotency-Key header to make a retry safe (QUALITY L3).',
        params: channelIdParams,
        headers: idempotencyHeaders,
        body: extendChannelBody,
        response: { 200: extendChannelReply, ...errors },
      },
    },
    async (request) =>
      extendChannel(deps(), {
        actor: actorOf(request),
        channelId: request.params.id,
        days: request.body.days,
        idempotencyKey: request.headers['idempotency-key'] ?? null,
      }),
  );

  app.get(
    '/api/admin/channels/:id/delete-preview',
    { ...admin, schema: { tags, params: channelIdParams, response: { 200: deletePreviewReply, ...errors } } },
    async (request) => previewDelete(deps(), request.params.id),
  );

  app.delete(
    '/api/admin/channels/:id',
    {
      ...admin,
      schema: {
        tags,
        description: 'Deletes at WHAPI, then here, refunding the whole unused days. Idempotency-Key makes a retry safe.',
        params: channelIdParams,
        headers: idempotencyHeaders,
        response: { 200: deleteChannelReply, ...errors },
      },
    },
    async (request) =>
      deleteChannel(deps(), { actor: actorOf(request), channelId: request.params.id, idempotencyKey: request.headers['idempotency-key'] ?? null }),
  );

  app.post(
    '/api/admin/channels/:id/qr',
    { ...admin, schema: { tags, params: channelIdParams, body: qrRequestBody, response: { 200: qrReply, ...errors } } },
    async (request) =>
      requestQr(deps(), {
        actor: actorOf(request),
        channelId: request.params.id,
        ownerId: null,
        rotation: request.body?.rotation ?? 1,
        reauthorize: true,
      }),
  );

  app.post(
    '/api/admin/channels/:id/pairing-code',
    { ...admin, schema: { tags, params: channelIdParams, body: pairingCodeBody, response: { 200: pairingCodeReply, ...errors } } },
    async (request) => requestPairingCode(deps(), { channelId: request.params.id, ownerId: null, phone: request.body?.phone }),
  );

  app.get(
    '/api/admin/channels/:id/health',
    { ...admin, schema: { tags, params: channelIdParams, response: { 200: channelHealthReply, ...errors } } },
    async (request) => pollChannelHealth(deps(), { channelId: request.params.id, ownerId: null }),
  );
}

