import type { CampaignStatus, MessageStatus } from '../../../contracts/messaging';

// One wording for message and campaign states on Send, Bulk and Outbox (DOMAIN.md "Messaging").
export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  cancelled: 'Cancelled',
};
export const MESSAGE_STATUS_COLORS: Record<MessageStatus, string> = {
  queued: 'indigo',
  sending: 'blue',
  sent: 'cyan',
  delivered: 'teal',
  read: 'green',
  failed: 'red',
  // Not 'dark': its light badge is unreadable in the dark colour scheme.
  cancelled: 'gray',
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
export const CAMPAIGN_STATUS_COLORS: Record<CampaignStatus, string> = {
  running: 'blue',
  paused: 'yellow',
  completed: 'teal',
  cancelled: 'gray',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const count = new Intl.NumberFormat();

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/**
 * When something happened to a message, read next to when it was created: the time alone on the same day (the
 * usual case, and short enough to fit the table), the full date otherwise.
 */
export function formatEventTime(iso: string, createdAt: string): string {
  const at = new Date(iso);
  return at.toDateString() === new Date(createdAt).toDateString() ? time.format(at) : dateTime.format(at);
}

export function formatCount(value: number): string {
  return count.format(value);
}

/** A sender channel as a person recognises it: its name and, once linked, its number. */
export function channelLabel(channel: { name: string; phone: string | null }): string {
  return channel.phone ? `${channel.name} (+${channel.phone.replace(/^\+/, '')})` : channel.name;
}
