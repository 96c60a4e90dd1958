import { z } from 'zod';
import { auditEntry } from './audit';
import { isoDate, paged, pageQuery } from './common';
import { MESSAGES } from './errors';
import { phoneE164 } from './leads';

// DOMAIN.md "Channels" and "Days": WhatsApp channels bought through the WHAPI Partner API, their two states
// (billing `status` from the channel clock, link `authStatus` from the phone) and the admin's allocation of days.

export const CHANNEL_STATUSES = ['pending', 'active', 'expired'] as const;
export type ChannelStatus = (typeof CHANNEL_STATUSES)[number];
export const AUTH_STATUSES = ['pending', 'qr_generated', 'authorized', 'disconnected'] as const;
export type ChannelAuthStatus = (typeof AUTH_STATUSES)[number];
/** The one status of the admin list, by precedence: suspended > disconnected > unauthorized > active. */
export const DISPLAY_STATUSES = ['suspended', 'disconnected', 'unauthorized', 'active'] as const;
export type ChannelDisplayStatus = (typeof DISPLAY_STATUSES)[number];

/** The QR dialog stops refreshing after this many codes and offers a retry (issue 6). */
export const QR_MAX_ROTATIONS = 5;
/** Used when WHAPI does not say how long a QR lives (NOTES §10.10). */
export const QR_FALLBACK_SECONDS = 60;

// DOMAIN.md "Messages shown to people" (exact) and the reasons we show beside disabled buttons.
export const CHANNEL_MESSAGES = {
  limitReached: 'Channel limit reached for your plan.',
  serviceUnavailable: 'Channel service is temporarily unavailable',
  insufficientMainBalance: MESSAGES.insufficientMainBalance,
  deleted: 'Channel deleted successfully. Unused days have been credited back to your balance.',
  connected: 'Channel connected successfully and now active.',
  noServiceDays: 'You have no active service days. Renew your plan to add a channel.',
  userNoServiceDays: 'This user has no active service days.',
  userBanned: 'This user is banned.',
  ownerBanned: "The channel's owner is banned.",
  qrPending: 'Days have not been allocated to this channel yet. It can be linked once it is active.',
  qrExpired: 'This channel has expired. It can be linked again once it is extended.',
  alreadyLinked: 'This channel is already linked to WhatsApp.',
  channelDeleted: 'This channel has been deleted.',
} as const;

export const channelIdParams = z.object({ id: z.string().min(1).max(64) });

/** Why "Add Channel" is disabled (guards in DOMAIN.md order); null code = allowed. */
export const CHANNEL_GUARD_CODES = ['banned', 'no_service', 'limit_reached', 'whapi_unavailable'] as const;
export type ChannelGuardCode = (typeof CHANNEL_GUARD_CODES)[number];
export const channelGuard = z.object({
  canAdd: z.boolean(),
  code: z.enum(CHANNEL_GUARD_CODES).nullable(),
  /** The message to show beside the disabled button (exact DOMAIN.md text where there is one). */
  reason: z.string().nullable(),
  used: z.number().int(),
  /** Effective `channels` limit; -1 = unlimited. */
  limit: z.number().int(),
});
export type ChannelGuard = z.infer<typeof channelGuard>;

/** Why "Show QR" is unavailable; null = available. */
export const qrAvailability = z.object({
  available: z.boolean(),
  reason: z.string().nullable(),
});

// ---- user side (page `channels`) ----------------------------------------------------------------------------

export const userChannel = z.object({
  id: z.string(),
  name: z.string(),
  /** E.164 (`+97312345678`), or null when unknown. */
  phone: z.string().nullable(),
  /** Billing state computed live from the clock (not only from the last sweep). */
  status: z.enum(CHANNEL_STATUSES),
  authStatus: z.enum(AUTH_STATUSES),
  displayStatus: z.enum(DISPLAY_STATUSES),
  activeFrom: isoDate.nullable(),
  /** "Expires on"; null while pending. */
  expiresAt: isoDate.nullable(),
  /** ceil((expires_at − now) / 24h), 0 when pending or expired. */
  daysLeft: z.number().int(),
  qr: qrAvailability,
  lastHeartbeatAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type UserChannel = z.infer<typeof userChannel>;

export const userChannelsBody = z.object({
  channels: z.array(userChannel),
  /** The user's service days remaining (the page header). */
  daysRemaining: z.number().int(),
  serviceEndsAt: isoDate.nullable(),
  guard: channelGuard,
});
export type UserChannelsBody = z.infer<typeof userChannelsBody>;
export const userChannelBody = z.object({ channel: userChannel });

export const channelName = z
  .string()
  .trim()
  .min(1, { error: 'Enter a channel name.' })
  .max(80, { error: 'Use at most 80 characters.' });

export const createChannelBody = z.strictObject({ name: channelName, phone: phoneE164 });
export type CreateChannelInput = z.infer<typeof createChannelBody>;
export const createChannelReply = z.object({
  channel: userChannel,
  /** True when days were queued for auto-allocation (an active user, the admin switch on). */
  autoAllocationQueued: z.boolean(),
});

// ---- QR, pairing code, health (user and admin) --------------------------------------------------------------

export const qrRequestBody = z
  .strictObject({
    /** 1 for the first code of a dialog (the default), +1 per refresh; after QR_MAX_ROTATIONS the dialog stops. */
    rotation: z.number().int().min(1).max(QR_MAX_ROTATIONS).optional(),
  })
  .nullish();

export const qrReply = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('qr'),
    /** `data:image/png;base64,…`, or null when WHAPI sent only the raw payload. */
    qrDataUrl: z.string().nullable(),
    /** Raw QR payload, to render when the image is missing. */
    qrText: z.string().nullable(),
    /** Countdown from WHAPI's `expire` (QR_FALLBACK_SECONDS when absent). */
    expiresInSeconds: z.number().int(),
    rotation: z.number().int(),
    maxRotations: z.number().int(),
  }),
  /** WHAPI answered 409: the phone is already linked; the channel is now authorized. */
  z.object({ state: z.literal('already_linked'), message: z.string() }),
]);
export type QrReply = z.infer<typeof qrReply>;

/** Without a phone, the channel's own number is used. */
export const pairingCodeBody = z.strictObject({ phone: phoneE164.optional() }).nullish();
export const pairingCodeReply = z.object({ code: z.string(), phone: z.string() });

/** The QR dialog polls this while open, in case webhooks cannot reach us; it re-reads WHAPI's health. */
export const channelHealthReply = z.object({
  authStatus: z.enum(AUTH_STATUSES),
  displayStatus: z.enum(DISPLAY_STATUSES),
  connected: z.boolean(),
  /** CHANNEL_MESSAGES.connected once authorized, else null. */
  message: z.string().nullable(),
  health: z.string().nullable(),
  lastHeartbeatAt: isoDate.nullable(),
});
export type ChannelHealthReply = z.infer<typeof channelHealthReply>;

// ---- admin side (page `admin.channels`) ---------------------------------------------------------------------

const owner = z.object({ id: z.string(), name: z.string(), email: z.string(), banned: z.boolean() });

export const adminChannel = userChannel.extend({
  /** WHAPI's channel id (e.g. MANTIS-PF298): copyable, searchable. */
  channelRef: z.string(),
  /** The channel token is a secret (QUALITY K1/K2): only its last 4 characters leave the server. */
  tokenLast4: z.string(),
  user: owner,
  mode: z.string().nullable(),
  stopped: z.boolean(),
  /** Default N for "Activate (N days)" / "Extend Days": the owner's plan period (30 when none). */
  periodDays: z.number().int(),
});
export type AdminChannel = z.infer<typeof adminChannel>;

export const adminChannelQuery = pageQuery.extend({
  /** Matches name, phone, owner name/email and the WHAPI channel id. */
  search: z.string().trim().max(200).optional(),
  status: z.enum(DISPLAY_STATUSES).optional(),
  billing: z.enum(CHANNEL_STATUSES).optional(),
  userId: z.string().trim().min(1).max(64).optional(),
});
export type AdminChannelQuery = z.input<typeof adminChannelQuery>;
export type AdminChannelFilters = z.output<typeof adminChannelQuery>;
export const adminChannelPage = paged(adminChannel).extend({
  counts: z.object({
    total: z.number().int(),
    active: z.number().int(),
    unauthorized: z.number().int(),
    disconnected: z.number().int(),
    suspended: z.number().int(),
    pending: z.number().int(),
  }),
});
export type AdminChannelPage = z.infer<typeof adminChannelPage>;

export const adminChannelDetails = z.object({
  channel: adminChannel,
  lastHealth: z.string().nullable(),
  lastMessageAt: isoDate.nullable(),
  /** Our receiver URL for this channel, registered on WHAPI's Gate settings. */
  webhookUrl: z.string(),
  webhookRegisteredAt: isoDate.nullable(),
  webhookError: z.string().nullable(),
  counters: z.object({
    eventsReceived: z.number().int(),
    messagesReceived: z.number().int(),
    statusesReceived: z.number().int(),
    daysAllocated: z.number().int(),
    extensions: z.number().int(),
  }),
  recentAudit: z.array(auditEntry),
  /** The admin main balance, for the extend dialog's pre-check. */
  mainBalanceDays: z.number().int(),
  /** What a delete now would refund: max(0, floor((expires_at − now) / 86400 s)). */
  refundDays: z.number().int(),
});
export type AdminChannelDetails = z.infer<typeof adminChannelDetails>;

export const adminCreateGuardQuery = z.object({ userId: z.string().trim().min(1).max(64) });
export const adminCreateGuardReply = z.object({ guard: channelGuard, periodDays: z.number().int() });
export const adminCreateChannelBody = createChannelBody.extend({ userId: z.string().trim().min(1).max(64) });
export type AdminCreateChannelInput = z.infer<typeof adminCreateChannelBody>;
export const adminChannelBody = z.object({ channel: adminChannel });
export const adminCreateChannelReply = z.object({ channel: adminChannel, autoAllocationQueued: z.boolean() });

/** Optional header on extend and delete (QUALITY L3): the same key returns the first answer, never acts twice. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().trim().min(8, { error: 'Use an Idempotency-Key of 8 to 200 characters.' }).max(200).optional(),
});

export const extendChannelBody = z.strictObject({
  days: z.number().int().min(1, { error: 'At least 1 day.' }).max(3650, { error: 'At most 3650 days.' }),
});
export const extendChannelReply = z.object({
  channel: adminChannel,
  operationId: z.string(),
  days: z.number().int(),
  mainBalanceDays: z.number().int(),
  message: z.string(),
});
export type ExtendChannelReply = z.infer<typeof extendChannelReply>;

export const deletePreviewReply = z.object({
  channelId: z.string(),
  name: z.string(),
  expiresAt: isoDate.nullable(),
  refundDays: z.number().int(),
  mainBalanceDays: z.number().int(),
});
export type DeletePreview = z.infer<typeof deletePreviewReply>;

export const deleteChannelReply = z.object({
  channelId: z.string(),
  operationId: z.string(),
  refundedDays: z.number().int(),
  mainBalanceDays: z.number().int(),
  /** WHAPI's status code for DELETE /channels/{id}: 2xx, or 404 when it was already gone. */
  whapiStatus: z.number().int(),
  message: z.literal(CHANNEL_MESSAGES.deleted),
});
export type DeleteChannelReply = z.infer<typeof deleteChannelReply>;

// ---- realtime -----------------------------------------------------------------------------------------------

/** Data of the `channel.updated` server-sent event, sent to the channel's owner. */
export const channelUpdatedEvent = z.object({
  channelId: z.string(),
  status: z.enum(CHANNEL_STATUSES),
  authStatus: z.enum(AUTH_STATUSES),
  /** The channel was deleted (the card disappears). */
  deleted: z.boolean(),
  /** CHANNEL_MESSAGES.connected when the phone was just linked, else null. */
  message: z.string().nullable(),
});
export type ChannelUpdatedEvent = z.infer<typeof channelUpdatedEvent>;

// ---- webhook receiver ---------------------------------------------------------------------------------------

export const channelWebhookParams = z.object({
  channelRef: z.string().min(1).max(64),
  secret: z.string().min(1).max(200),
});

/** "Copy token": the whole channel token, on an explicit and audited admin request (lists carry the last 4 only). */
export const channelTokenReply = z.object({ channelToken: z.string() });
