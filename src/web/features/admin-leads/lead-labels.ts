import type { LeadKind, LeadStatus } from '../../../contracts/leads';

export const KIND_LABELS: Record<LeadKind, string> = { quote: 'Quote', demo: 'Demo' };
export const KIND_COLORS: Record<LeadKind, string> = { quote: 'indigo', demo: 'grape' };

export const STATUS_LABELS: Record<LeadStatus, string> = { new: 'New', contacted: 'Contacted', closed: 'Closed' };
export const STATUS_COLORS: Record<LeadStatus, string> = { new: 'blue', contacted: 'teal', closed: 'gray' };

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
