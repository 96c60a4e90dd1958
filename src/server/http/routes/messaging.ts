import { emptyBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import {
  bulkOptionsReply,
  campaignIdParams,
  campaignReply,
  campaignsPage,
  campaignsQuery,
  createCampaignBody,
  createCampaignReply,
  outboxPage,
  outboxQuery,
  sendMessageBody,
  sendMessageReply,
  sendOptionsReply,
} from '../../../contracts/messaging';
import { notFound } from '../../app-error';
import { channelDeps } from '../../features/channels/channel-deps';
import { changeCampaign, type CampaignAction } from '../../features/messaging/campaign-actions';
import { describeCampaign, findUserCampaign } from '../../features/messaging/campaign-view';
import { createCampaign } from '../../features/messaging/create-campaign';
import { listCampaigns } from '../../features/messaging/list-campaigns';
import { listOutbox, listRecentSingles } from '../../features/messaging/list-outbox';
import { describeUsage, loadSenderAccount } from '../../features/messaging/sender-account';
import { listSenderChannels } from '../../features/messaging/sender-channels';
import { sendMessage } from '../../features/messaging/send-message';
import { requireUser } from '../access-guard';
import type { App, AppDeps } from '../app-deps';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 413: errorBody };
const send = { config: { access: 'send' as const } };
const bulk = { config: { access: 'bulk' as const } };
const outbox = { config: { access: 'outbox' as const } };

/** A CSV of 100,000 numbers is about 1.5 MB (QUALITY P3); room for long numbers and a second column. */
const CAMPAIGN_BODY_LIMIT = 8 * 1024 * 1024;

/** Send, Bulk and Outbox (DOMAIN.md "Messaging"): only the caller's own channels, messages and campaigns. */
export function messagingRoutes(app: App, { services }: AppDeps): void {
  const deps = () => channelDeps(services);
  const { db } = services;

  async function usageOf(userId: string) {
    const account = await loadSenderAccount(db, userId);
    if (!account) throw notFound('User');
    return describeUsage(db, account);
  }

  app.get('/api/send/options', { ...send, schema: { tags: ['messaging'], response: { 200: sendOptionsReply, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const [usage, channels, recent] = await Promise.all([usageOf(user.id), listSenderChannels(db, user.id), listRecentSingles(db, user.id)]);
    return { usage, channels, recent };
  });

  app.post(
    '/api/messages',
    { ...send, schema: { tags: ['messaging'], body: sendMessageBody, response: { 201: sendMessageReply, ...errors } } },
    async (request, reply) => reply.status(201).send(await sendMessage(deps(), { userId: requireUser(request).id, ...request.body })),
  );

  app.get(
    '/api/outbox',
    { ...outbox, schema: { tags: ['messaging'], querystring: outboxQuery, response: { 200: outboxPage, ...errors } } },
    async (request) => listOutbox(db, requireUser(request).id, request.query),
  );

  app.get('/api/bulk/options', { ...bulk, schema: { tags: ['messaging'], response: { 200: bulkOptionsReply, ...errors } } }, async (request) => {
    const user = requireUser(request);
    const [usage, channels] = await Promise.all([usageOf(user.id), listSenderChannels(db, user.id)]);
    return { usage, channels };
  });

  app.get(
    '/api/campaigns',
    { ...bulk, schema: { tags: ['messaging'], querystring: campaignsQuery, response: { 200: campaignsPage, ...errors } } },
    async (request) => listCampaigns(db, requireUser(request).id, request.query),
  );

  app.post(
    '/api/campaigns',
    {
      ...bulk,
      bodyLimit: CAMPAIGN_BODY_LIMIT,
      schema: { tags: ['messaging'], body: createCampaignBody, response: { 201: createCampaignReply, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(deps(), { userId: requireUser(request).id, ...request.body })),
  );

  app.get(
    '/api/campaigns/:id',
    { ...bulk, schema: { tags: ['messaging'], params: campaignIdParams, response: { 200: campaignReply, ...errors } } },
    async (request) => {
      const found = await findUserCampaign(db, requireUser(request).id, request.params.id);
      if (!found) throw notFound('Campaign');
      return { campaign: await describeCampaign(db, found.campaign, found.channelName) };
    },
  );

  for (const action of ['pause', 'resume', 'cancel'] as const satisfies readonly CampaignAction[]) {
    app.post(
      `/api/campaigns/:id/${action}`,
      { ...bulk, schema: { tags: ['messaging'], params: campaignIdParams, body: emptyBody, response: { 200: campaignReply, ...errors } } },
      async (request) => ({
        campaign: await changeCampaign(deps(), { userId: requireUser(request).id, campaignId: request.params.id, action }),
      }),
    );
  }
}
