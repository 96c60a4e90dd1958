import type { PartnerBalance } from '../../contracts/whapi-settings';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const count = new Intl.NumberFormat();

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Days as shown to people: a grouped number, or "unknown" when WHAPI's notice carried none. */
export function formatDays(days: number | null): string {
  return days === null ? 'unknown' : count.format(days);
}

// DOMAIN.md "Messages shown to people": "Partner balance: {current_days} days remaining (updated {received_at})".
// One day reads "1 day" — the template's plural is for the general case.
export function partnerBalanceSentence(balance: PartnerBalance): string {
  const unit = balance.currentDays === 1 ? 'day' : 'days';
  return `Partner balance: ${formatDays(balance.currentDays)} ${unit} remaining (updated ${formatDateTime(balance.receivedAt)})`;
}

/** At or below the limit the admin set for WHAPI's notice: time to buy more days. */
export function isPartnerBalanceLow(balance: PartnerBalance): boolean {
  return balance.currentDays !== null && balance.daysLimit !== null && balance.currentDays <= balance.daysLimit;
}
