import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SimHttpError } from './api-error';
import { currentHealth, finishBoot, syncHealth, wake } from './channel-health';
import { toUnixSeconds } from './clock';
import { parseControlBody } from './control-body';
import { emitGateEvent } from './gate-events';
import { unlinkUser } from './gate-session';
import { newMessageId, randomPhone } from './ids';
import { advanceMessageStatus } from './message-outbox';
import { sendDaysNotice, noticeIfBalanceCrossedLimit } from './partner-events';
import { requireChannel } from './partner-lookups';
import type { SimContext } from './sim-context';
import type { ChannelRecord } from './state';

/** /__sim/… : what happens on the phone and on WHAPI's side, which no API call can trigger. */

const phone = z.string().regex(/^\d{7,15}$/, 'digits only, 7 to 15');
const LinkBody = z.object({ phone: phone.optional(), name: z.string().min(1).optional() });
const IncomingBody = z.object({ from: phone, body: z.string(), from_name: z.string().optional() });
const BalanceBody = z.object({ days: z.number().int().min(0) });
const StatusBody = z.object({ status: z.enum(['delivered', 'read', 'played', 'failed']) });

/** As if the QR was scanned (or the pairing code typed): boot finishes, users.post, then channel.post AUTH. */
function linkChannel(sim: SimContext, channel: ChannelRecord, body: z.infer<typeof LinkBody>) {
  const now = sim.clock.now();
  if (currentHealth(channel, now) === 'STOP') throw new SimHttpError(409, 'Channel is stopped');
  if (channel.user) throw new SimHttpError(409, 'Channel already authenticated');
  wake(channel, now);
  finishBoot(channel, now);
  syncHealth(sim, channel);
  const id = body.phone ?? channel.pairingPhone ?? channel.phone ?? randomPhone();
  channel.user = { id, name: body.name ?? 'Simulated User' };
  channel.phone ??= id;
  channel.pairingPhone = undefined;
  emitGateEvent(sim, channel, 'users', 'post', { user: channel.user });
  syncHealth(sim, channel);
  return { user: channel.user, health: channel.reportedHealth };
}

/** A message from a contact, reported as messages.post with `from_me: false`. */
function receiveMessage(sim: SimContext, channel: ChannelRecord, body: z.infer<typeof IncomingBody>) {
  if (syncHealth(sim, channel) !== 'AUTH') throw new SimHttpError(409, 'Channel is not linked: nothing can arrive');
  const message = {
    id: newMessageId(),
    type: 'text',
    chat_id: `${body.from}@s.whatsapp.net`,
    from_me: false,
    from: body.from,
    ...(body.from_name ? { from_name: body.from_name } : {}),
    source: 'mobile',
    timestamp: toUnixSeconds(sim.clock.now()),
    text: { body: body.body },
  };
  sim.state.messages.set(message.id, { channelId: channel.id, message, statuses: [] });
  emitGateEvent(sim, channel, 'messages', 'post', { messages: [message] });
  return { message };
}

export function registerControlRoutes(app: FastifyInstance, sim: SimContext): void {
  const channelOf = (params: unknown) => requireChannel(sim, (params as { id: string }).id);

  app.post('/__sim/channels/:id/link', async (request) => linkChannel(sim, channelOf(request.params), parseControlBody(LinkBody, request.body)));
  app.post('/__sim/channels/:id/unlink', async (request) => {
    unlinkUser(sim, channelOf(request.params));
    return { success: true };
  });
  app.post('/__sim/channels/:id/incoming', async (request) =>
    receiveMessage(sim, channelOf(request.params), parseControlBody(IncomingBody, request.body)));
  app.post('/__sim/partner/balance', async (request) => {
    const { days } = parseControlBody(BalanceBody, request.body);
    const before = sim.state.partner.balanceDays;
    sim.state.partner.balanceDays = days;
    noticeIfBalanceCrossedLimit(sim, before);
    return { balanceDays: days };
  });
  app.post('/__sim/partner/days-notice', async () => ({ sent: sendDaysNotice(sim), balanceDays: sim.state.partner.balanceDays }));
  app.post('/__sim/messages/:id/status', async (request) => {
    const record = sim.state.messages.get((request.params as { id: string }).id);
    if (!record) throw new SimHttpError(404, 'Specified message not found');
    advanceMessageStatus(sim, record, parseControlBody(StatusBody, request.body).status);
    return { message: record.message };
  });
}
