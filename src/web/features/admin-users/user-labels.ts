import type { UserStatus } from '../../../contracts/admin-users';
import type { UserPage } from '../../../domain/pages';
import { UNLIMITED, type RequestType } from '../../../domain/plans';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  banned: 'Banned',
  no_plan: 'No plan',
};
export const USER_STATUS_COLORS: Record<UserStatus, string> = { active: 'teal', expired: 'orange', banned: 'red', no_plan: 'gray' };

// The per-user request type (spec 004 §3 "Request Type: Paid / Quote / Demo").
export const REQUEST_TYPE_SHORT: Record<RequestType, string> = { paid: 'Paid', request_quote: 'Quote', book_demo: 'Demo' };
export const REQUEST_TYPE_COLORS: Record<RequestType, string> = { paid: 'blue', request_quote: 'indigo', book_demo: 'grape' };

export const USER_PAGE_LABELS: Record<UserPage, string> = {
  dashboard: 'Dashboard',
  channels: 'Channels',
  send: 'Send message',
  bulk: 'Bulk messages',
  templates: 'Templates',
  workflows: 'Workflows',
  chatbot: 'Chatbot',
  outbox: 'Outbox',
  logs: 'Logs',
  balances: 'Balances',
};

const count = new Intl.NumberFormat();
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatCount(value: number): string {
  return count.format(value);
}

export function formatLimitValue(value: number): string {
  return value === UNLIMITED ? 'Unlimited' : count.format(value);
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}

export function daysLabel(days: number): string {
  return `${count.format(days)} ${days === 1 ? 'day' : 'days'}`;
}
