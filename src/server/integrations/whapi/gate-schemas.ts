import { z } from 'zod';
import { optBool, optNumber, optString, timestamp, toDate, toDigits, webhookMode } from './schemas';
import type {
  WhapiChannelStatus,
  WhapiGateSettings,
  WhapiHealth,
  WhapiLinkedUser,
  WhapiMedia,
  WhapiMessage,
  WhapiMessageStatus,
  WhapiQrStatus,
  WhapiStatusUpdate,
  WhapiWebhookConfig,
} from './types';

// Gate API wire schemas (NOTES §B, §7), each transformed into our own types. Gate times are seconds.

const CHANNEL_STATUSES = ['NOT_INIT', 'INIT', 'LAUNCH', 'QR', 'AUTH', 'ERROR', 'SYNC_ERROR', 'STOP'] as const;
function toChannelStatus(text: string): WhapiChannelStatus {
  const upper = text.trim().toUpperCase();
  return (CHANNEL_STATUSES as readonly string[]).includes(upper) ? (upper as WhapiChannelStatus) : 'UNKNOWN';
}

export const wireContact = z
  .looseObject({ id: z.union([z.string(), z.number()]), name: optString, pushname: optString })
  .transform((u): WhapiLinkedUser | null => {
    const phone = toDigits(u.id);
    return phone ? { phone, name: u.name || u.pushname || null } : null;
  });

export const wireHealth = z
  .looseObject({
    start_at: timestamp.nullish(),
    uptime: optNumber,
    // Spec: {code, text}. A bare string is accepted too, since the skill and spec disagree on STOP (§10.7).
    status: z.union([z.looseObject({ code: optNumber, text: z.string() }), z.string()]),
    version: optString,
    channel_id: optString,
    user: wireContact.nullish(),
  })
  .transform((h): WhapiHealth => {
    const text = typeof h.status === 'string' ? h.status : h.status.text;
    return {
      status: toChannelStatus(text),
      statusCode: typeof h.status === 'string' ? null : (h.status.code ?? null),
      statusText: text,
      startedAt: toDate(h.start_at),
      uptimeSeconds: h.uptime ?? null,
      version: h.version ?? null,
      channelId: h.channel_id ?? null,
      user: h.user ?? null,
    };
  });

const QR_STATUSES = ['OK', 'TIMEOUT', 'WAITING', 'ERROR'] as const;
const DEFAULT_QR_SECONDS = 60;

/** `expire` is "seconds until the QR code expires" (spec); if it ever looks like an epoch, turn it into seconds. */
function toExpiresIn(expire: number | null | undefined, now: number): number {
  if (expire === null || expire === undefined || !Number.isFinite(expire) || expire <= 0) return DEFAULT_QR_SECONDS;
  if (expire < 1e9) return Math.ceil(expire);
  const at = toDate(expire)!.getTime();
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export const wireQr = z
  .looseObject({ status: z.string(), base64: optString, rowdata: optString, expire: optNumber })
  .transform((q) => {
    const upper = q.status.toUpperCase();
    return {
      // NOTES §10.10: unknown whether `base64` carries a data: prefix; accept both.
      qrDataUrl: q.base64 ? (q.base64.startsWith('data:') ? q.base64 : `data:image/png;base64,${q.base64}`) : null,
      qrText: q.rowdata ?? null,
      expiresInSeconds: toExpiresIn(q.expire, Date.now()),
      status: ((QR_STATUSES as readonly string[]).includes(upper) ? upper : 'UNKNOWN') as WhapiQrStatus,
    };
  });

export const wirePairingCode = z.looseObject({ code: z.string().min(1) }).transform((p) => p.code);

const wireWebhookConfig = z
  .looseObject({
    url: z.string(),
    events: z.array(z.looseObject({ type: z.string(), method: z.string() })).nullish(),
    mode: webhookMode.nullish(),
    headers: z.record(z.string(), z.string()).nullish(),
  })
  .transform(
    (w): WhapiWebhookConfig => ({
      url: w.url,
      events: (w.events ?? []).map((e) => ({ type: e.type, method: e.method as WhapiWebhookConfig['events'][number]['method'] })),
      mode: w.mode ?? 'body',
      ...(w.headers ? { headers: w.headers } : {}),
    }),
  );

export const wireGateSettings = z
  .looseObject({
    webhooks: z.array(wireWebhookConfig).nullish(),
    callback_backoff_delay_ms: optNumber,
    max_callback_backoff_delay_ms: optNumber,
    callback_persist: optBool,
    offline_mode: optBool,
    full_history: optBool,
  })
  .transform(
    (s): WhapiGateSettings => ({
      webhooks: s.webhooks ?? [],
      callbackBackoffDelayMs: s.callback_backoff_delay_ms ?? null,
      maxCallbackBackoffDelayMs: s.max_callback_backoff_delay_ms ?? null,
      callbackPersist: s.callback_persist ?? null,
      offlineMode: s.offline_mode ?? null,
      fullHistory: s.full_history ?? null,
    }),
  );

/** Spec: `{before_update, after_update, changes}`; tolerate a bare `{success}` too. */
export const wireSettingsUpdate = z.looseObject({
  after_update: wireGateSettings.nullish(),
  changes: z.array(z.string()).nullish(),
});

const MESSAGE_STATUSES = ['failed', 'pending', 'sent', 'delivered', 'read', 'played', 'deleted'] as const;
export function toMessageStatus(status: string): WhapiMessageStatus {
  const lower = status.toLowerCase();
  return (MESSAGE_STATUSES as readonly string[]).includes(lower) ? (lower as WhapiMessageStatus) : 'unknown';
}

const MEDIA_KEYS = ['image', 'video', 'short', 'gif', 'audio', 'voice', 'document', 'sticker'] as const;
const wireMedia = z.looseObject({
  id: z.string(),
  mime_type: optString,
  file_size: optNumber,
  file_name: optString,
  link: optString,
  caption: optString,
});

export const wireMessage = z
  .looseObject({
    id: z.string().min(1),
    type: z.string(),
    chat_id: z.string(),
    from: z.union([z.string(), z.number()]).nullish(),
    from_me: z.boolean(),
    from_name: optString,
    source: optString,
    status: optString,
    timestamp,
    text: z.looseObject({ body: optString }).nullish(),
    image: wireMedia.nullish(),
    video: wireMedia.nullish(),
    short: wireMedia.nullish(),
    gif: wireMedia.nullish(),
    audio: wireMedia.nullish(),
    voice: wireMedia.nullish(),
    document: wireMedia.nullish(),
    sticker: wireMedia.nullish(),
  })
  .transform((m): WhapiMessage => {
    const mediaKey = MEDIA_KEYS.find((k) => m[k]);
    const raw = mediaKey ? (m[mediaKey] ?? null) : null;
    const media: WhapiMedia | null = raw
      ? { id: raw.id, mimeType: raw.mime_type ?? null, fileSize: raw.file_size ?? null, fileName: raw.file_name ?? null, link: raw.link ?? null }
      : null;
    return {
      id: m.id,
      type: m.type,
      chatId: m.chat_id,
      from: toDigits(m.from),
      fromMe: m.from_me,
      fromName: m.from_name ?? null,
      source: m.source ?? null,
      status: m.status ? toMessageStatus(m.status) : null,
      timestamp: toDate(m.timestamp) ?? new Date(0),
      text: m.text?.body ?? raw?.caption ?? null,
      media,
    };
  });

/** GET /messages/list[/{ChatID}] → `{messages, count, total, offset, first?, last?}` (NOTES §B7). Items stay raw
 *  here so one message in a shape we don't know can't make the whole page unreadable; read each with wireMessage. */
export const wireMessagePage = z.looseObject({
  messages: z.array(z.unknown()).nullish(),
  total: optNumber,
  offset: optNumber,
});

export const wireSent = z.looseObject({ sent: z.boolean().nullish(), message: z.unknown().optional() });

export const wireStatus = z
  .looseObject({
    id: z.string().min(1),
    code: optNumber,
    status: z.string(),
    recipient_id: optString,
    viewer_id: z.union([z.string(), z.number()]).nullish(),
    timestamp: timestamp.nullish(),
  })
  .transform(
    (s): WhapiStatusUpdate => ({
      messageId: s.id,
      status: toMessageStatus(s.status),
      code: s.code ?? null,
      recipientId: s.recipient_id ?? null,
      viewerId: s.viewer_id === null || s.viewer_id === undefined ? null : String(s.viewer_id),
      timestamp: toDate(s.timestamp),
    }),
  );

export const wireStatuses = z.union([
  z.looseObject({ statuses: z.array(wireStatus).nullish() }).transform((s) => s.statuses ?? []),
  z.array(wireStatus),
]);

export const wireLimits = z.looseObject({
  messages: optNumber,
  chats: z.array(z.string()).nullish(),
  checks: optNumber,
  requests: optNumber,
});
