import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyDecimals, formatMoney, fromMinorUnits, toMinorUnits } from './money';

describe('money in minor units', () => {
  it('knows that BHD has three decimals and USD two', () => {
    expect(currencyDecimals('BHD')).toBe(3);
    expect(currencyDecimals('USD')).toBe(2);
    expect(toMinorUnits('12.5', 'BHD')).toBe(12_500);
    expect(toMinorUnits('12.5', 'USD')).toBe(1_250);
  });

  it('refuses more decimals than the currency has, and anything that is not an amount', () => {
    expect(toMinorUnits('1.234', 'USD')).toBeNull();
    expect(toMinorUnits('-1', 'USD')).toBeNull();
    expect(toMinorUnits('abc', 'USD')).toBeNull();
    expect(toMinorUnits('1.2345', 'BHD')).toBeNull();
  });

  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), fc.constantFrom('USD', 'BHD', 'JPY'), (minor, currency) => {
        expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor);
      }),
    );
  });

  it('formats with the currency and its decimals', () => {
    expect(formatMoney(12_500, 'BHD', 'en-US')).toContain('12.500');
    expect(formatMoney(1_999, 'USD', 'en-US')).toBe('$19.99');
  });
});
