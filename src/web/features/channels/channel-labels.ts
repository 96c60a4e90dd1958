import type { ChannelAuthStatus, ChannelDisplayStatus, ChannelStatus } from '../../../contracts/channels';

// One wording for channel states, on the user's cards and in the admin console (DOMAIN.md "Channels").
export const DISPLAY_STATUS_LABELS: Record<ChannelDisplayStatus, string> = {
  active: 'Active',
  unauthorized: 'Unauthorized',
  disconnected: 'Disconnected',
  suspended: 'Suspended',
};
export const DISPLAY_STATUS_COLORS: Record<ChannelDisplayStatus, string> = {
  active: 'teal',
  unauthorized: 'yellow',
  disconnected: 'orange',
  suspended: 'red',
};

export const BILLING_STATUS_LABELS: Record<ChannelStatus, string> = { pending: 'Awaiting days', active: 'Days allocated', expired: 'Expired' };
export const BILLING_STATUS_COLORS: Record<ChannelStatus, string> = { pending: 'gray', active: 'teal', expired: 'red' };

export const AUTH_STATUS_LABELS: Record<ChannelAuthStatus, string> = {
  pending: 'Not linked yet',
  qr_generated: 'QR code shown',
  authorized: 'Linked',
  disconnected: 'Disconnected',
};

const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function daysLabel(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}
