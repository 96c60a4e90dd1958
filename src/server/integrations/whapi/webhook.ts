import { z } from 'zod';
import { wireContact, wireHealth, wireMessage, wireQr, wireStatus } from './gate-schemas';
import type { WhapiHealth, WhapiLinkedUser, WhapiMessage, WhapiQr, WhapiStatusUpdate } from './types';

// Incoming WHAPI webhooks in `body` mode (NOTES §7). WHAPI signs nothing: the route checks the secret in the URL
// path; these events are hints, and anything that moves days re-reads the channel from WHAPI (STYLE "Webhooks").

export type WhapiGateWebhook =
  | { kind: 'health'; channelId: string | null; health: WhapiHealth }
  | { kind: 'qr'; channelId: string | null; qr: WhapiQr }
  | { kind: 'user_linked'; channelId: string | null; user: WhapiLinkedUser }
  | { kind: 'user_unlinked'; channelId: string | null; user: WhapiLinkedUser | null }
  | { kind: 'messages'; channelId: string | null; method: 'post' | 'put'; messages: WhapiMessage[]; skipped: number }
  | { kind: 'statuses'; channelId: string | null; method: 'post' | 'put'; statuses: WhapiStatusUpdate[]; skipped: number }
  | { kind: 'other'; channelId: string | null; type: string; method: string };

export type ParsedWebhook<T> = { ok: true; event: T } | { ok: false; problem: string };

const envelope = z.looseObject({
  // Real payloads name the method `event.event`; the spec's Event schema says `method` (NOTES §11.7): take both.
  event: z.looseObject({ type: z.string(), event: z.string().optional(), method: z.string().optional() }).optional(),
  channel_id: z.string().nullish(),
});

// Deprecated type names still seen in examples (NOTES §11.5), and "channels" from the spec's QR text (§10.11).
const TYPE_ALIASES: Record<string, string> = { message: 'messages', ack: 'statuses', status: 'statuses', chat: 'chats', channels: 'channel' };

/** Which event a body carries, from its envelope, or from its payload key when the envelope is missing. */
function eventOf(body: Record<string, unknown>, e: z.infer<typeof envelope>['event']): { type: string; method: string } | null {
  if (e) {
    const type = e.type.toLowerCase();
    return { type: TYPE_ALIASES[type] ?? type, method: (e.event ?? e.method ?? 'post').toLowerCase() };
  }
  if ('messages' in body) return { type: 'messages', method: 'post' };
  if ('statuses' in body) return { type: 'statuses', method: 'post' };
  if ('health' in body) return { type: 'channel', method: 'post' };
  if ('qr' in body) return { type: 'channel', method: 'patch' };
  return null;
}

/** Parses items one by one, so one odd message does not drop the others. */
function parseEach<S extends z.ZodType>(schema: S, items: unknown): { items: z.output<S>[]; skipped: number } {
  const list = Array.isArray(items) ? items : [];
  const parsed = list.map((item) => schema.safeParse(item));
  const ok = parsed.filter((p) => p.success).map((p) => p.data as z.output<S>);
  return { items: ok, skipped: list.length - ok.length };
}

export function parseWhapiWebhook(body: unknown): ParsedWebhook<WhapiGateWebhook> {
  const env = envelope.safeParse(body);
  if (!env.success) return { ok: false, problem: 'not a JSON object with an `event` envelope' };
  const raw = body as Record<string, unknown>;
  const event = eventOf(raw, env.data.event);
  if (!event) return { ok: false, problem: 'no `event` envelope and no known payload key' };
  const channelId = env.data.channel_id ?? null;
  const { type, method } = event;

  if (type === 'channel' && method === 'post') {
    const health = wireHealth.safeParse(raw.health);
    return health.success ? { ok: true, event: { kind: 'health', channelId, health: health.data } } : { ok: false, problem: 'channel.post without a readable `health`' };
  }
  if (type === 'channel' && method === 'patch' && raw.qr !== undefined) {
    const qr = wireQr.safeParse(raw.qr);
    return qr.success ? { ok: true, event: { kind: 'qr', channelId, qr: qr.data } } : { ok: false, problem: 'channel.patch without a readable `qr`' };
  }
  if (type === 'users' && (method === 'post' || method === 'delete')) {
    const user = wireContact.safeParse(raw.user);
    const linked = user.success ? user.data : null;
    if (method === 'delete') return { ok: true, event: { kind: 'user_unlinked', channelId, user: linked } };
    return linked ? { ok: true, event: { kind: 'user_linked', channelId, user: linked } } : { ok: false, problem: 'users.post without a readable `user`' };
  }
  if (type === 'messages' && (method === 'post' || method === 'put')) {
    const { items, skipped } = parseEach(wireMessage, raw.messages);
    return { ok: true, event: { kind: 'messages', channelId, method, messages: items, skipped } };
  }
  if (type === 'statuses' && (method === 'post' || method === 'put')) {
    const { items, skipped } = parseEach(wireStatus, raw.statuses);
    return { ok: true, event: { kind: 'statuses', channelId, method, statuses: items, skipped } };
  }
  return { ok: true, event: { kind: 'other', channelId, type, method } };
}

// ---- Partner `days` notice ------------------------------------------------------------------------------------

export interface WhapiDaysNotice {
  /** Days left on the partner balance, if any field in the body looks like it. */
  daysLeft: number | null;
  /** The configured threshold (`days_limit`), if the body carries it. */
  daysLimit: number | null;
  /** The body as received: its format is undocumented (NOTES §10.4), so keep it for later reading. */
  raw: unknown;
}

const LIMIT_KEYS = ['days_limit', 'dayslimit', 'days-limit', 'limit'];
const LEFT_KEYS = ['days_left', 'daysleft', 'remaining_days', 'remainingdays', 'days_remaining', 'daysremaining', 'balance_days', 'balancedays', 'days', 'balance', 'remaining', 'left'];

function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

/** Breadth-first over the body (depth ≤ 5): the first numeric value under the best-ranked key wins. */
function findNumber(body: unknown, keys: string[]): number | null {
  const best = { rank: Infinity, value: null as number | null };
  let level: unknown[] = [body];
  for (let depth = 0; depth < 5 && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (!node || typeof node !== 'object') continue;
      for (const [key, value] of Object.entries(node as Record<string, unknown>).slice(0, 100)) {
        const rank = keys.indexOf(key.toLowerCase());
        const n = asNumber(value);
        if (rank >= 0 && n !== null && rank < best.rank) Object.assign(best, { rank, value: n });
        if (value && typeof value === 'object') next.push(value);
      }
    }
    if (best.value !== null) return best.value;
    level = next;
  }
  return null;
}

/** The partner `days` webhook: its payload is undocumented, so look for the numbers wherever they are. */
export function parsePartnerDaysNotice(body: unknown): WhapiDaysNotice {
  return { daysLeft: findNumber(body, LEFT_KEYS), daysLimit: findNumber(body, LIMIT_KEYS), raw: body };
}
