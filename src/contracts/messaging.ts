import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { isoDate, paged, pageQuery } from './common';

// DOMAIN.md "Messaging": every outgoing message is an outbox row first, delivered by a job; its status only moves
// forward. `daily` counts outgoing messages per calendar day (platform time zone), `bulk` counts bulk messages per
// service period (decision 014). Send (page `send`), Bulk (page `bulk`) and Outbox (page `outbox`) read these.

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const CAMPAIGN_STATUSES = ['running', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** WhatsApp's own cap on a text message. */
export const MESSAGE_MAX_LENGTH = 4096;
/** One campaign's recipients (QUALITY P3 sends 100,000 from one CSV). */
export const CAMPAIGN_MAX_RECIPIENTS = 100_000;
/** Pacing between two messages of a campaign; 0 = as fast as WHAPI accepts (QUALITY P3 "pacing off"). */
export const CAMPAIGN_MAX_INTERVAL_SECONDS = 600;

export const MESSAGING_MESSAGES = {
  dailyLimit: 'Daily message limit reached for your plan.',
  bulkLimit: 'Bulk message limit reached for your plan.',
  noChannel: 'Link a WhatsApp channel before sending messages.',
  channelNotReady: 'This channel is not linked to WhatsApp or has expired. Choose a linked, active channel.',
  queued: 'Message queued for sending.',
  campaignStarted: 'Campaign started.',
  dailyWait: 'Daily message limit reached; sending resumes tomorrow.',
} as const;

/**
 * A recipient as a person types it: international format, with or without the leading "+", spaces and dashes
 * allowed. Returns E.164 ("+97312345678") or null when it is not a valid number.
 */
export function normalizeRecipient(raw: string): string | null {
  const compact = raw.trim().replace(/[\s().-]/g, '');
  if (!/^\+?\d{6,20}$/.test(compact)) return null;
  const parsed = parsePhoneNumberFromString(compact.startsWith('+') ? compact : `+${compact}`);
  return parsed?.isValid() ? parsed.number : null;
}

const recipient = z
  .string()
  .trim()
  .min(1, { error: 'Enter the recipient’s phone number.' })
  .transform((value, ctx) => {
    const normalized = normalizeRecipient(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'Enter the number in international format, e.g. +97312345678.' });
      return z.NEVER;
    }
    return normalized;
  });

const messageText = z
  .string()
  .trim()
  .min(1, { error: 'Write a message.' })
  .max(MESSAGE_MAX_LENGTH, { error: `A message can be at most ${MESSAGE_MAX_LENGTH} characters.` });

const channelId = z.string().min(1, { error: 'Choose a channel.' }).max(64);

// ---- usage and compose options -------------------------------------------------------------------------------

export const usageFigure = z.object({
  used: z.number().int(),
  /** Effective limit; -1 = unlimited. */
  limit: z.number().int(),
  /** When the window starts again (the next day in the platform time zone, or the next service period). */
  resetsAt: isoDate,
});
export type UsageFigure = z.infer<typeof usageFigure>;

export const messagingUsage = z.object({ daily: usageFigure, bulk: usageFigure, timeZone: z.string() });
export type MessagingUsage = z.infer<typeof messagingUsage>;

export const senderChannel = z.object({
  id: z.string(),
  name: z.string(),
  /** The linked phone as digits, or null before the first link. */
  phone: z.string().nullable(),
  sendable: z.boolean(),
  /** Why it cannot send now (not linked, expired), or null. */
  reason: z.string().nullable(),
});
export type SenderChannel = z.infer<typeof senderChannel>;

// ---- outbox ---------------------------------------------------------------------------------------------------

export const outboxMessage = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  /** E.164, e.g. "+97312345678". */
  to: z.string(),
  body: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  /** WHAPI's reason when the message failed. */
  error: z.string().nullable(),
  createdAt: isoDate,
  sentAt: isoDate.nullable(),
  deliveredAt: isoDate.nullable(),
  readAt: isoDate.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const outboxQuery = pageQuery.extend({
  status: z.enum(MESSAGE_STATUSES).optional(),
  campaignId: z.string().max(64).optional(),
  /** Part of the recipient's number. */
  search: z.string().trim().max(40).optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;
export const outboxPage = paged(outboxMessage);
export type OutboxPage = z.infer<typeof outboxPage>;

// ---- send (single message) ------------------------------------------------------------------------------------

export const sendOptionsReply = z.object({
  usage: messagingUsage,
  channels: z.array(senderChannel),
  /** The caller's ten latest single messages, newest first. */
  recent: z.array(outboxMessage),
});
export type SendOptionsReply = z.infer<typeof sendOptionsReply>;

export const sendMessageBody = z.strictObject({ channelId, to: recipient, body: messageText });
export type SendMessageInput = z.input<typeof sendMessageBody>;

export const sendMessageReply = z.object({
  message: outboxMessage,
  usage: messagingUsage,
  notice: z.literal(MESSAGING_MESSAGES.queued),
});
export type SendMessageReply = z.infer<typeof sendMessageReply>;

// ---- bulk campaigns -------------------------------------------------------------------------------------------

export const campaignCounts = z.object(Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, z.number().int()])) as {
  [K in MessageStatus]: z.ZodNumber;
});
export type CampaignCounts = z.infer<typeof campaignCounts>;

export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  body: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  /** Why it stopped or waits (channel unlinked, daily limit, WHAPI's error), or null. */
  pausedReason: z.string().nullable(),
  intervalSeconds: z.number().int(),
  total: z.number().int(),
  counts: campaignCounts,
  createdAt: isoDate,
  completedAt: isoDate.nullable(),
});
export type Campaign = z.infer<typeof campaign>;

export const campaignIdParams = z.object({ id: z.string().min(1).max(64) });
export const campaignsQuery = pageQuery.extend({ status: z.enum(CAMPAIGN_STATUSES).optional() });
export const campaignsPage = paged(campaign);
export type CampaignsPage = z.infer<typeof campaignsPage>;
export const campaignReply = z.object({ campaign });

export const bulkOptionsReply = z.object({ usage: messagingUsage, channels: z.array(senderChannel) });
export type BulkOptionsReply = z.infer<typeof bulkOptionsReply>;

/**
 * Recipients arrive as text: one number per line, or a CSV whose first column holds the number (a header row
 * without a number is skipped). The SPA reads an uploaded .csv file into this field.
 */
export const createCampaignBody = z.strictObject({
  channelId,
  name: z.string().trim().min(1, { error: 'Name the campaign.' }).max(120, { error: 'Use at most 120 characters.' }),
  body: messageText,
  recipients: z.string().min(1, { error: 'Add at least one recipient.' }).max(8_000_000, { error: 'The list is too large.' }),
  intervalSeconds: z.coerce
    .number()
    .int()
    .min(0, { error: 'Use 0 or more seconds.' })
    .max(CAMPAIGN_MAX_INTERVAL_SECONDS, { error: `Use at most ${CAMPAIGN_MAX_INTERVAL_SECONDS} seconds.` })
    .default(0),
});
export type CreateCampaignInput = z.input<typeof createCampaignBody>;

export const createCampaignReply = z.object({
  campaign,
  usage: messagingUsage,
  /** Repeated numbers dropped from the list (each recipient gets the message once). */
  duplicatesRemoved: z.number().int(),
  /** Lines without a number (blank lines, a header row). */
  linesSkipped: z.number().int(),
  notice: z.literal(MESSAGING_MESSAGES.campaignStarted),
});
export type CreateCampaignReply = z.infer<typeof createCampaignReply>;
