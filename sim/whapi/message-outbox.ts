import { SimHttpError } from './api-error';
import { toUnixSeconds } from './clock';
import { syncHealth } from './channel-health';
import { emitGateEvent } from './gate-events';
import { newMessageId } from './ids';
import type { SimContext } from './sim-context';
import type { ChannelRecord, MessageRecord, MessageStatus } from './state';
import { useTrialQuota } from './trial-limits';

/** Outgoing messages: who may send, how a message is stored and reported, and how its status moves on. */

// Only read=4 is documented; the others follow the StatusEnum order (NOTES §10.8).
export const STATUS_CODES: Record<MessageStatus, number> = {
  failed: 0, pending: 1, sent: 2, delivered: 3, read: 4, played: 5, deleted: 6,
};
const PROGRESS: MessageStatus[] = ['pending', 'sent', 'delivered', 'read', 'played'];

/** `to` is a phone number or a chat ID; bare numbers are personal chats, dashed legacy group IDs are groups. */
export const chatIdFor = (to: string): string =>
  to.includes('@') ? to : to.includes('-') ? `${to}@g.us` : `${to}@s.whatsapp.net`;

/** 401 "Need channel authorization" unless linked; a stopped channel (no days) answers 402 like an exhausted trial. */
export function requireSendable(sim: SimContext, channel: ChannelRecord): void {
  const health = syncHealth(sim, channel);
  if (health === 'STOP') throw new SimHttpError(402, 'Channel is stopped: no active days left or stopped by the partner');
  if (health !== 'AUTH') throw new SimHttpError(401, 'Need channel authorization for send message');
}

export function statusItem(record: MessageRecord, status: MessageStatus, at: number) {
  const chatId = record.message.chat_id;
  const phone = /^(\d{7,15})@s\.whatsapp\.net$/.exec(chatId)?.[1];
  return {
    id: record.message.id,
    code: STATUS_CODES[status],
    status,
    // Status.recipient_id is a ChatID (10+ digits, NOTES §11.8): shorter numbers can't be reported there.
    ...(/^[\d-]{10,31}@[\w.]+$/.test(chatId) ? { recipient_id: chatId } : {}),
    ...(phone ? { viewer_id: phone } : {}),
    timestamp: String(toUnixSeconds(at)),
  };
}

/** Stores a message sent through the API and reports it like WHAPI: messages.post with `from_me: true`,
 *  `source: "api"` (§7 assumption), then statuses.post `sent`. */
export function sendOutgoing(
  sim: SimContext,
  channel: ChannelRecord,
  to: string,
  content: Record<string, unknown> & { type: string },
): MessageRecord {
  const now = sim.clock.now();
  const chatId = chatIdFor(to);
  useTrialQuota(channel, chatId, now);
  const message = {
    id: newMessageId(),
    chat_id: chatId,
    from_me: true,
    ...(channel.user ? { from: channel.user.id, from_name: channel.user.name } : {}),
    source: 'api',
    timestamp: toUnixSeconds(now),
    status: 'sent' as MessageStatus,
    ...content,
  };
  const record: MessageRecord = { channelId: channel.id, message, statuses: [{ status: 'sent', at: now }] };
  sim.state.messages.set(message.id, record);
  emitGateEvent(sim, channel, 'messages', 'post', { messages: [message] });
  emitGateEvent(sim, channel, 'statuses', 'post', { statuses: [statusItem(record, 'sent', now)] });
  return record;
}

/** Moves an outgoing message forward (sent → delivered → read), reporting each step it passes through, or marks it
 *  failed while it's still undelivered. Going backwards is refused with 409. */
export function advanceMessageStatus(sim: SimContext, record: MessageRecord, target: MessageStatus): void {
  const channel = sim.state.channels.get(record.channelId);
  if (!channel) throw new SimHttpError(404, 'The message channel no longer exists');
  if (!record.message.from_me) throw new SimHttpError(409, 'Only outgoing messages have delivery statuses');
  const current = record.message.status ?? 'sent';
  if (current === 'failed') throw new SimHttpError(409, 'Message already failed');
  let steps: MessageStatus[];
  if (target === 'failed') {
    if (PROGRESS.indexOf(current) > PROGRESS.indexOf('sent')) throw new SimHttpError(409, `Message is already ${current}`);
    steps = ['failed'];
  } else {
    const from = PROGRESS.indexOf(current);
    const to = PROGRESS.indexOf(target);
    if (from < 0 || to <= from) throw new SimHttpError(409, `Message is already ${current}`);
    steps = PROGRESS.slice(from + 1, to + 1);
  }
  const now = sim.clock.now();
  for (const status of steps) {
    record.statuses.push({ status, at: now });
    record.message.status = status;
    emitGateEvent(sim, channel, 'statuses', 'post', { statuses: [statusItem(record, status, now)] });
  }
}
