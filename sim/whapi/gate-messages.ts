import type { ApiRequest, HandlerTable } from './api-dispatcher';
import { requireGateChannel } from './api-dispatcher';
import { SimHttpError } from './api-error';
import { requireSendable, sendOutgoing, statusItem } from './message-outbox';
import { describeMedia, type MediaRequest } from './outgoing-media';
import type { SimContext } from './sim-context';
import type { MessageRecord } from './state';

/** Sending text, images and documents; reading a message and its statuses (NOTES §B5–B7). `typing_time` and `edit`
 *  are accepted but have no effect: messages go out at once and an edit is sent as a new message. */
interface SendCommon {
  to: string;
  quoted?: string;
  mentions?: string[];
}

function contextOf(body: SendCommon) {
  const context = {
    ...(body.quoted ? { quoted_id: body.quoted } : {}),
    ...(body.mentions?.length ? { mentions: body.mentions } : {}),
  };
  return Object.keys(context).length ? { context } : {};
}

const optional = <T extends object>(source: T, keys: (keyof T)[]) =>
  Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));

function send(sim: SimContext, request: ApiRequest, build: (now: number) => Record<string, unknown> & { type: string }) {
  const channel = requireGateChannel(request);
  requireSendable(sim, channel);
  const content = build(sim.clock.now());
  const record = sendOutgoing(sim, channel, (request.body as SendCommon).to, { ...content, ...contextOf(request.body as SendCommon) });
  return { body: { sent: true, message: record.message } };
}

function requireOwnMessage(request: ApiRequest, sim: SimContext): MessageRecord {
  const record = sim.state.messages.get(request.params.MessageID ?? '');
  if (!record || record.channelId !== requireGateChannel(request).id) throw new SimHttpError(404, 'Specified message not found');
  return record;
}

type ImageBody = SendCommon & MediaRequest & { caption?: string; preview?: string; width?: number; height?: number; view_once?: boolean };
type DocumentBody = SendCommon & MediaRequest & { caption?: string };

export const gateMessageHandlers: HandlerTable = {
  'POST /messages/text': (sim, request) =>
    send(sim, request, () => ({ type: 'text', text: { body: (request.body as { body: string }).body } })),
  'POST /messages/image': (sim, request) =>
    send(sim, request, (now) => {
      const body = request.body as ImageBody;
      return { type: 'image', image: { ...describeMedia('image', body, now), ...optional(body, ['caption', 'preview', 'width', 'height', 'view_once']) } };
    }),
  'POST /messages/document': (sim, request) =>
    send(sim, request, (now) => {
      const body = request.body as DocumentBody;
      return { type: 'document', document: { ...describeMedia('document', body, now), ...optional(body, ['caption']) } };
    }),
  'GET /messages/{MessageID}': (sim, request) => ({ body: requireOwnMessage(request, sim).message }),
  'GET /statuses/{MessageID}': (sim, request) => {
    const record = requireOwnMessage(request, sim);
    if (!record.message.from_me) throw new SimHttpError(403, 'View statuses available only for outgoing messages');
    // The whole history (sent, delivered, read), oldest first.
    return { body: { statuses: record.statuses.map((entry) => statusItem(record, entry.status, entry.at)) } };
  },
};
