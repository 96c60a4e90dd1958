import type { Money } from './state';

/** Amounts are kept as integer minor units so renewals and balances never drift; PayPal's wire format is a decimal
 *  string (`"10.00"`). Currencies PayPal documents as having no decimals use none. */
const ZERO_DECIMAL = new Set(['HUF', 'JPY', 'TWD']);

export const decimalsOf = (currency: string): number => (ZERO_DECIMAL.has(currency) ? 0 : 2);

export function toMinor(value: string, currency: string): number {
  return Math.round(Number(value) * 10 ** decimalsOf(currency));
}

export function toDecimal(minor: number, currency: string): string {
  return (minor / 10 ** decimalsOf(currency)).toFixed(decimalsOf(currency));
}

export const money = (minor: number, currency: string): Money => ({ currency_code: currency, value: toDecimal(minor, currency) });

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** Sale summaries read like Java's Double.toString: `Payment completed for $ 10.0 USD`, `AUD 36.5 AUD`. */
export function summaryAmount(minor: number, currency: string): string {
  const amount = minor / 10 ** decimalsOf(currency);
  const text = Number.isInteger(amount) ? amount.toFixed(1) : String(amount);
  return `${SYMBOLS[currency] ?? currency} ${text} ${currency}`;
}
