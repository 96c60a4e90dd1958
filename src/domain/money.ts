// DOMAIN.md: money is integer minor units with its currency; BHD has 3 decimals, USD 2, JPY 0 (ISO 4217).
const CURRENCY_DECIMALS: Record<string, number> = { BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3, JPY: 0, KRW: 0 };

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'BHD', 'SAR', 'AED', 'KWD', 'OMR', 'QAR', 'EGP', 'INR'] as const;

export function currencyDecimals(currency: string): number {
  return CURRENCY_DECIMALS[currency] ?? 2;
}

/** "12.500" BHD → 12500; refuses more decimals than the currency has. */
export function toMinorUnits(amount: string, currency: string): number | null {
  const decimals = currencyDecimals(currency);
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match || (match[2]?.length ?? 0) > decimals) return null;
  return Number(match[1]) * 10 ** decimals + Number((match[2] ?? '').padEnd(decimals, '0') || '0');
}

export function fromMinorUnits(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 10 ** decimals);
  const fraction = decimals ? `.${String(abs % 10 ** decimals).padStart(decimals, '0')}` : '';
  return `${sign}${whole}${fraction}`;
}

export function formatMoney(minor: number, currency: string, locale?: string): string {
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(minor / 10 ** decimals);
}
