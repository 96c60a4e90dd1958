// Our own types for what WHAPI tells us. Wire shapes (snake_case, seconds vs milliseconds) stay in schemas.ts;
// nothing outside this folder should need to know them.

export interface WhapiClientOptions {
  /** e.g. https://manager.whapi.cloud or a channel's apiUrl; a trailing slash is ignored. */
  baseUrl: string;
  /** Partner token (partner client) or channel token (gate client). Never logged, never put in an error. */
  token: string;
  log?: { warn(obj: object, msg: string): void };
  /** Per attempt, including reading the body. Default 15000; anything higher is capped at 15000 (QUALITY O1). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Retries of idempotent calls only. Defaults: 2 retries, 250 ms base, 4 s cap, Retry-After up to 10 s. */
  retry?: { retries?: number; baseDelayMs?: number; maxDelayMs?: number; maxRetryAfterMs?: number };
  /** Shared by every client with the same base URL and settings. Defaults: opens after 5 outages, 30 s. */
  breaker?: { threshold?: number; halfOpenAfterMs?: number };
}

export type WhapiChannelMode = 'trial' | 'dev' | 'dev_archive' | 'live' | 'unknown';

export interface WhapiChannel {
  id: string;
  /** The channel's Gate token: store it encrypted (QUALITY K1). */
  token: string;
  name: string;
  /** Digits only, or null until WHAPI knows the number. */
  phone: string | null;
  mode: WhapiChannelMode;
  /** Partner-side status ("active" is the only documented value); not the Gate AUTH/QR status. */
  status: string | null;
  stopped: boolean;
  blocked: boolean;
  createdAt: Date;
  activeTill: Date | null;
  trialTill: Date | null;
  projectId: string;
  /** Gate base URL for this channel, without a trailing slash. */
  apiUrl: string;
  server: number | null;
}

export interface WhapiProject {
  id: string;
  name: string;
  isDefault: boolean;
}

export interface WhapiPartnerWebhook {
  url: string;
  events: { type: string; method: string }[];
  mode: 'body' | 'path' | 'method';
}

export interface WhapiPartnerSettings {
  webhooks: WhapiPartnerWebhook[];
  /** A `days` webhook is sent when the partner balance reaches this many days. */
  daysLimit: number | null;
  noChat: boolean | null;
}

export type WhapiChannelStatus = 'NOT_INIT' | 'INIT' | 'LAUNCH' | 'QR' | 'AUTH' | 'ERROR' | 'SYNC_ERROR' | 'STOP' | 'UNKNOWN';

export interface WhapiLinkedUser {
  /** Digits only. */
  phone: string;
  name: string | null;
}

export interface WhapiHealth {
  status: WhapiChannelStatus;
  statusCode: number | null;
  /** WHAPI's own text, kept for states we don't know yet (then status is 'UNKNOWN'). */
  statusText: string;
  startedAt: Date | null;
  uptimeSeconds: number | null;
  version: string | null;
  channelId: string | null;
  user: WhapiLinkedUser | null;
}

export type WhapiQrStatus = 'OK' | 'TIMEOUT' | 'WAITING' | 'ERROR' | 'UNKNOWN';

export interface WhapiQr {
  /** `data:image/png;base64,…`, or null when WHAPI sent no image (e.g. WAITING). */
  qrDataUrl: string | null;
  /** The raw QR payload, to render ourselves if the image is missing. */
  qrText: string | null;
  /** Seconds until the code expires; 60 when WHAPI does not say. */
  expiresInSeconds: number;
  status: WhapiQrStatus;
}

export interface WhapiWebhookEvent {
  type: string;
  method: 'post' | 'put' | 'patch' | 'delete';
}

export interface WhapiWebhookConfig {
  url: string;
  events: WhapiWebhookEvent[];
  mode: 'body' | 'path' | 'method';
  headers?: Record<string, string>;
}

export interface WhapiGateSettings {
  webhooks: WhapiWebhookConfig[];
  callbackBackoffDelayMs: number | null;
  maxCallbackBackoffDelayMs: number | null;
  callbackPersist: boolean | null;
  offlineMode: boolean | null;
  fullHistory: boolean | null;
}

export interface WhapiGateSettingsUpdate {
  webhooks?: WhapiWebhookConfig[];
  callbackBackoffDelayMs?: number;
  maxCallbackBackoffDelayMs?: number;
  callbackPersist?: boolean;
  offlineMode?: boolean;
  fullHistory?: boolean;
}

export type WhapiMessageStatus = 'failed' | 'pending' | 'sent' | 'delivered' | 'read' | 'played' | 'deleted' | 'unknown';

export interface WhapiMedia {
  id: string;
  mimeType: string | null;
  fileSize: number | null;
  fileName: string | null;
  link: string | null;
}

export interface WhapiMessage {
  id: string;
  type: string;
  chatId: string;
  /** Sender digits for incoming messages; null when WHAPI leaves it out. */
  from: string | null;
  fromMe: boolean;
  fromName: string | null;
  source: string | null;
  status: WhapiMessageStatus | null;
  timestamp: Date;
  /** Text body, or the caption of a media message. */
  text: string | null;
  media: WhapiMedia | null;
}

/** One page of a chat's history, newest first. */
export interface WhapiMessagePage {
  /** The messages we could read; one WHAPI sends in a shape we don't know is left out (and logged). */
  messages: WhapiMessage[];
  /** WHAPI's count of matching messages before paging, unreadable ones included. */
  total: number;
  /** How many items WHAPI returned in this page, unreadable ones included: the next page starts this much further. */
  scanned: number;
}

export interface WhapiSendResult {
  /** WHAPI's own `sent` flag. */
  sent: boolean;
  /** The id to match later status webhooks; null if WHAPI returned no message object. */
  messageId: string | null;
  message: WhapiMessage | null;
}

export interface WhapiStatusUpdate {
  messageId: string;
  status: WhapiMessageStatus;
  code: number | null;
  recipientId: string | null;
  viewerId: string | null;
  timestamp: Date | null;
}

export interface WhapiLimits {
  messages: number | null;
  chats: string[];
  checks: number | null;
  requests: number | null;
}
