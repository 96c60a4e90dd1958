import { randomInt } from 'node:crypto';
import type { HandlerTable } from './api-dispatcher';
import { SimHttpError } from './api-error';
import { DAY_MS, MINUTE_MS } from './clock';
import { defaultGateSettings } from './gate-settings-defaults';
import { newChannelId, newChannelToken, newQrSeed } from './ids';
import { toPartnerChannel } from './partner-channel-view';
import { isOwnedBy, page, requireChannel, requireProject } from './partner-lookups';
import type { SimContext } from './sim-context';
import type { ChannelRecord } from './state';
import { freshUsage } from './trial-limits';

interface ChannelCustomBody {
  name: string;
  projectId: string;
  phone?: string;
  recurrentPaymentId?: string;
  prevRecurrentPaymentId?: string;
}

/** §A12: new partner channels start in Trial with 5 free days. The official sample shows trial = creation + 5 d and
 *  activeTill = creation + 6 d; we keep both at +5 d so deleting a fresh channel never refunds days nobody paid for. */
export const TRIAL_DAYS = 5;
/** §A1: more than 20 creations within 30 minutes gives 429 until the window resets. */
export const CREATION_LIMIT = { count: 20, windowMs: 30 * MINUTE_MS };

function takeCreationSlot(sim: SimContext, now: number): () => void {
  const { partner } = sim.state;
  if (!partner.creationWindow || now - partner.creationWindow.startedAt >= CREATION_LIMIT.windowMs) {
    partner.creationWindow = { startedAt: now, count: 0 };
  }
  const window = partner.creationWindow;
  if (window.count >= CREATION_LIMIT.count) {
    const waitS = Math.ceil((window.startedAt + CREATION_LIMIT.windowMs - now) / 1000);
    throw new SimHttpError(429, `Too many requests: at most ${CREATION_LIMIT.count} channels per 30 minutes; try again in ${waitS} s`);
  }
  return () => void window.count++;
}

function createChannel(sim: SimContext, body: ChannelCustomBody): ChannelRecord {
  const now = sim.clock.now();
  const commit = takeCreationSlot(sim, now);
  const project = requireProject(sim, body.projectId);
  const channel: ChannelRecord = {
    id: newChannelId((id) => sim.state.channels.has(id)),
    token: newChannelToken(),
    name: body.name,
    projectId: project.id,
    phone: body.phone || undefined,
    recurrentPaymentId: body.recurrentPaymentId,
    prevRecurrentPaymentId: body.prevRecurrentPaymentId,
    server: randomInt(1, 10),
    creationTS: now,
    activeTill: now + TRIAL_DAYS * DAY_MS,
    trial: now + TRIAL_DAYS * DAY_MS,
    mode: 'trial',
    stopped: false,
    billing: [],
    launchedAt: null,
    qrSince: null,
    qrSeed: newQrSeed(),
    reportedHealth: 'INIT',
    user: null,
    settings: defaultGateSettings(),
    usage: freshUsage(now),
  };
  sim.state.channels.set(channel.id, channel);
  commit();
  return channel;
}

function listChannels(sim: SimContext, query: Record<string, unknown>, projectId?: string) {
  const channels = [...sim.state.channels.values()]
    .filter((c) => isOwnedBy(sim, query.uid) && (!projectId || c.projectId === projectId))
    .sort((a, b) => a.creationTS - b.creationTS);
  const { items, ...rest } = page(channels, query);
  return { channels: items.map((c) => toPartnerChannel(sim, c)), ...rest };
}

export const partnerChannelHandlers: HandlerTable = {
  'PUT /channels': (sim, { body }) => ({ body: toPartnerChannel(sim, createChannel(sim, body as ChannelCustomBody)) }),
  'GET /channels/list': (sim, { query }) => ({ body: listChannels(sim, query) }),
  'GET /channels/list/{ProjectID}': (sim, { params, query }) => ({
    body: listChannels(sim, query, requireProject(sim, params.ProjectID ?? '').id),
  }),
  'GET /channels/{ChannelID}': (sim, { params }) => ({ body: toPartnerChannel(sim, requireChannel(sim, params.ChannelID ?? '')) }),
  'PATCH /channels/{ChannelID}': (sim, { params, body }) => {
    const channel = requireChannel(sim, params.ChannelID ?? '');
    const update = body as ChannelCustomBody;
    channel.projectId = requireProject(sim, update.projectId).id;
    channel.name = update.name;
    if (update.phone !== undefined) channel.phone = update.phone || undefined;
    if (update.recurrentPaymentId !== undefined) channel.recurrentPaymentId = update.recurrentPaymentId;
    if (update.prevRecurrentPaymentId !== undefined) channel.prevRecurrentPaymentId = update.prevRecurrentPaymentId;
    return { body: { success: true } };
  },
};
