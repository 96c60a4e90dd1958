import type { ApiRequest, HandlerTable } from './api-dispatcher';
import { requireGateChannel } from './api-dispatcher';
import { SimHttpError } from './api-error';
import { page } from './partner-lookups';
import type { SimContext } from './sim-context';
import type { MessageRecord } from './state';

/** The chat history a channel can read back (NOTES §B7): everything it sent through the API and every incoming
 *  message, never another channel's. Our choices where WHAPI is silent: `time_from`/`time_to` are inclusive; a chat
 *  "exists" once a message went either way (else 404); `normal_types` changes nothing because the simulator keeps no
 *  system messages; the history stays readable whatever the channel's health; `first`/`last` are left out. */
interface HistoryQuery {
  time_from?: number;
  time_to?: number;
  /** ContactID: digits, or '' for anyone */
  author?: string;
  from_me?: boolean;
  sort?: 'asc' | 'desc';
}

function matches(record: MessageRecord, query: HistoryQuery): boolean {
  const { message } = record;
  if (query.from_me !== undefined && message.from_me !== query.from_me) return false;
  if (query.author && String(message.from ?? '') !== query.author) return false;
  if (query.time_from !== undefined && message.timestamp < query.time_from) return false;
  if (query.time_to !== undefined && message.timestamp > query.time_to) return false;
  return true;
}

function listHistory(sim: SimContext, request: ApiRequest, chatId?: string) {
  const channel = requireGateChannel(request);
  const inScope = [...sim.state.messages.values()].filter(
    (record) => record.channelId === channel.id && (chatId === undefined || record.message.chat_id === chatId),
  );
  if (chatId !== undefined && inScope.length === 0) throw new SimHttpError(404, 'Specified chat not found');
  const query = request.query as HistoryQuery;
  // Oldest first, ties in the order they were stored (the sort is stable); the spec's default is newest first.
  const ordered = inScope.filter((record) => matches(record, query)).sort((a, b) => a.message.timestamp - b.message.timestamp);
  if (query.sort !== 'asc') ordered.reverse();
  const { items, count, total, offset } = page(ordered, request.query);
  return { body: { messages: items.map((record) => record.message), count, total, offset } };
}

export const gateHistoryHandlers: HandlerTable = {
  'GET /messages/list': (sim, request) => listHistory(sim, request),
  'GET /messages/list/{ChatID}': (sim, request) => listHistory(sim, request, request.params.ChatID ?? ''),
};
