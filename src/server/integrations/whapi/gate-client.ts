import { invalid } from '../../app-error';
import { isWhapiError, type WhapiErrorKind } from './errors';
import { createWhapiHttp } from './http';
import {
  wireGateSettings,
  wireHealth,
  wireLimits,
  wireMessage,
  wireMessagePage,
  wirePairingCode,
  wireQr,
  wireSent,
  wireSettingsUpdate,
  wireStatuses,
} from './gate-schemas';
import { toDigits } from './schemas';
import type {
  WhapiClientOptions,
  WhapiGateSettings,
  WhapiGateSettingsUpdate,
  WhapiHealth,
  WhapiLimits,
  WhapiMessage,
  WhapiMessagePage,
  WhapiQr,
  WhapiSendResult,
  WhapiStatusUpdate,
} from './types';

// Gate (channel) API, https://gate.whapi.cloud or the channel's apiUrl, Bearer = channel token. NOTES.md §B.

export interface WhapiGateClient {
  /** GET /health. `wakeup` defaults to WHAPI's own default (true: launch the channel if it sleeps). */
  health(options?: { wakeup?: boolean }): Promise<WhapiHealth>;
  /** GET /users/login?wakeup=true. Already linked → CONFLICT (kind 'conflict', upstreamStatus 409). */
  loginQr(): Promise<WhapiQr>;
  /** GET /users/login/{phone}: the code to type into WhatsApp's "link with phone number". */
  pairingCode(phoneDigits: string): Promise<string>;
  /** POST /users/logout. WHAPI's 409 "already logged out" counts as done. */
  logout(): Promise<{ alreadyLoggedOut: boolean }>;
  getSettings(): Promise<WhapiGateSettings>;
  /** PATCH /settings: fields left out stay as they are. */
  updateSettings(input: WhapiGateSettingsUpdate): Promise<{ settings: WhapiGateSettings | null; changes: string[] }>;
  sendText(input: { to: string; body: string }): Promise<WhapiSendResult>;
  sendImage(input: { to: string; media: string; caption?: string; mimeType?: string }): Promise<WhapiSendResult>;
  sendDocument(input: { to: string; media: string; filename?: string; caption?: string; mimeType?: string }): Promise<WhapiSendResult>;
  getMessage(id: string): Promise<WhapiMessage>;
  /** GET /messages/list/{ChatID}, newest first: what this channel sent to (or got from) one chat, e.g. to learn after
   *  a crash whether a send went out. `chatId` is phone digits or a chat id; `timeFrom` is inclusive. A chat WHAPI
   *  doesn't know (404) has an empty history: nothing was ever sent there. */
  listChatMessages(input: { chatId: string; fromMe?: boolean; timeFrom?: Date; count?: number; offset?: number }): Promise<WhapiMessagePage>;
  /** GET /statuses/{id}: the view/ack list of an outgoing message. */
  messageStatuses(id: string): Promise<WhapiStatusUpdate[]>;
  /** GET /limits: trial/sandbox quotas, or null when the channel has none (204). */
  getLimits(): Promise<WhapiLimits | null>;
}

// Send: 401 = channel not authorised (not linked), 404 = media id unknown (NOTES B5/B6).
const SEND_KINDS: Partial<Record<number, WhapiErrorKind>> = { 401: 'not_linked', 404: 'not_found' };

const seg = (value: string) => encodeURIComponent(value);

/** A phone's personal chat is `<digits>@s.whatsapp.net` (NOTES §0 "ID formats"). The `@` stays literal, as a path
 *  allows: a server that doesn't decode `%40` would answer 404, which we read as "never sent", and we'd send twice. */
function chatPath(chatId: string): string {
  const trimmed = chatId.trim();
  const phone = /^\+?(\d{7,15})$/.exec(trimmed)?.[1];
  const full = trimmed.includes('@') ? trimmed : phone ? `${phone}@s.whatsapp.net` : null;
  if (!full) throw invalid({ chatId: 'Enter a phone number with country code (7 to 15 digits) or a WhatsApp chat id.' });
  return seg(full).replace(/%40/g, '@');
}

export function createWhapiGateClient(options: WhapiClientOptions & { token: string }): WhapiGateClient {
  const http = createWhapiHttp(options, 'gate');

  async function send(path: string, operation: string, body: Record<string, unknown>): Promise<WhapiSendResult> {
    // Never retried: a lost answer may hide a sent message, and a resend would reach the person twice.
    const reply = await http.send({ method: 'POST', path, operation, idempotent: false, statusKinds: SEND_KINDS, what: 'the media', body });
    const sent = http.parse(wireSent, reply, operation);
    const message = wireMessage.safeParse(sent.message);
    const rawId = (sent.message as { id?: unknown } | null | undefined)?.id;
    return {
      // NOTES B5: `sent` is required; accept any 2xx (200 or 201) and read a missing flag as "sent".
      sent: sent.sent ?? true,
      messageId: message.success ? message.data.id : typeof rawId === 'string' ? rawId : null,
      message: message.success ? message.data : null,
    };
  }

  return {
    async health(opts = {}) {
      const operation = 'GET /health';
      const query = opts.wakeup === undefined ? {} : { wakeup: opts.wakeup };
      const reply = await http.send({ method: 'GET', path: '/health', operation, idempotent: true, query });
      return http.parse(wireHealth, reply, operation);
    },

    async loginQr() {
      const operation = 'GET /users/login';
      const reply = await http.send({ method: 'GET', path: '/users/login', operation, idempotent: true, query: { wakeup: true } });
      return http.parse(wireQr, reply, operation);
    },

    async pairingCode(phoneDigits) {
      const phone = toDigits(phoneDigits);
      if (!phone || phone.length < 7 || phone.length > 15) {
        throw invalid({ phone: 'Enter the number with country code, 7 to 15 digits.' });
      }
      const operation = 'GET /users/login/{phone}';
      const reply = await http.send({ method: 'GET', path: `/users/login/${seg(phone)}`, operation, idempotent: true });
      return http.parse(wirePairingCode, reply, operation);
    },

    async logout() {
      // Retried: with 409 "already logged out" accepted, a repeat has the same effect.
      const reply = await http.send({ method: 'POST', path: '/users/logout', operation: 'POST /users/logout', idempotent: true, acceptStatuses: [409] });
      return { alreadyLoggedOut: reply.status === 409 };
    },

    async getSettings() {
      const operation = 'GET /settings';
      const reply = await http.send({ method: 'GET', path: '/settings', operation, idempotent: true });
      return http.parse(wireGateSettings, reply, operation);
    },

    async updateSettings(input) {
      const operation = 'PATCH /settings';
      const body: Record<string, unknown> = {};
      if (input.webhooks) {
        body.webhooks = input.webhooks.map((w) => ({
          url: w.url,
          events: w.events.map((e) => ({ type: e.type, method: e.method })),
          mode: w.mode,
          ...(w.headers ? { headers: w.headers } : {}),
        }));
      }
      if (input.callbackBackoffDelayMs !== undefined) body.callback_backoff_delay_ms = input.callbackBackoffDelayMs;
      if (input.maxCallbackBackoffDelayMs !== undefined) body.max_callback_backoff_delay_ms = input.maxCallbackBackoffDelayMs;
      if (input.callbackPersist !== undefined) body.callback_persist = input.callbackPersist;
      if (input.offlineMode !== undefined) body.offline_mode = input.offlineMode;
      if (input.fullHistory !== undefined) body.full_history = input.fullHistory;
      // Retried: the same PATCH twice leaves the same settings.
      const reply = await http.send({ method: 'PATCH', path: '/settings', operation, idempotent: true, body });
      if (reply.json === null) return { settings: null, changes: [] };
      const parsed = http.parse(wireSettingsUpdate, reply, operation);
      return { settings: parsed.after_update ?? null, changes: parsed.changes ?? [] };
    },

    sendText(input) {
      return send('/messages/text', 'POST /messages/text', { to: input.to, body: input.body });
    },

    sendImage(input) {
      return send('/messages/image', 'POST /messages/image', {
        to: input.to,
        media: input.media,
        ...(input.caption ? { caption: input.caption } : {}),
        ...(input.mimeType ? { mime_type: input.mimeType } : {}),
      });
    },

    sendDocument(input) {
      return send('/messages/document', 'POST /messages/document', {
        to: input.to,
        media: input.media,
        ...(input.filename ? { filename: input.filename } : {}),
        ...(input.caption ? { caption: input.caption } : {}),
        ...(input.mimeType ? { mime_type: input.mimeType } : {}),
      });
    },

    async getMessage(id) {
      const operation = 'GET /messages/{id}';
      const reply = await http.send({
        method: 'GET',
        path: `/messages/${seg(id)}`,
        operation,
        idempotent: true,
        what: 'the message',
        statusKinds: { 404: 'not_found' },
      });
      return http.parse(wireMessage, reply, operation);
    },

    async listChatMessages(input) {
      const operation = 'GET /messages/list/{chatId}';
      const query = {
        from_me: input.fromMe,
        time_from: input.timeFrom ? Math.floor(input.timeFrom.getTime() / 1000) : undefined,
        count: input.count,
        offset: input.offset,
      };
      const path = `/messages/list/${chatPath(input.chatId)}`;
      let reply;
      try {
        reply = await http.send({
          method: 'GET',
          path,
          operation,
          idempotent: true,
          query,
          what: 'the chat',
          statusKinds: { 404: 'not_found' },
        });
      } catch (error) {
        // 404 "Specified chat not found". A 404 "Channel not found" (bad token) stays kind 'token' (errors.ts).
        if (isWhapiError(error) && error.kind === 'not_found') return { messages: [], total: 0, scanned: 0 };
        throw error;
      }
      const page = http.parse(wireMessagePage, reply, operation);
      const items = page.messages ?? [];
      const messages = items.flatMap((item) => {
        const parsed = wireMessage.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      });
      if (messages.length < items.length) {
        options.log?.warn({ operation, skipped: items.length - messages.length }, 'WHAPI history held messages we could not read');
      }
      return { messages, total: page.total ?? (page.offset ?? input.offset ?? 0) + items.length, scanned: items.length };
    },

    async messageStatuses(id) {
      const operation = 'GET /statuses/{id}';
      const reply = await http.send({
        method: 'GET',
        path: `/statuses/${seg(id)}`,
        operation,
        idempotent: true,
        what: 'the message',
        statusKinds: { 404: 'not_found' },
      });
      return http.parse(wireStatuses, reply, operation);
    },

    async getLimits() {
      const operation = 'GET /limits';
      const reply = await http.send({ method: 'GET', path: '/limits', operation, idempotent: true });
      if (reply.status === 204 || reply.json === null) return null;
      const limits = http.parse(wireLimits, reply, operation);
      return { messages: limits.messages ?? null, chats: limits.chats ?? [], checks: limits.checks ?? null, requests: limits.requests ?? null };
    },
  };
}
