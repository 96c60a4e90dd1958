import { describe, expect, it } from 'vitest';
import { addInterval, finalPaymentTime } from './billing-schedule';
import type { BillingState } from './state';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('addInterval', () => {
  it('adds days, weeks, months and years', () => {
    expect(iso(addInterval(at('2025-01-10T08:00:00Z'), { interval_unit: 'DAY', interval_count: 3 }))).toBe('2025-01-13T08:00:00.000Z');
    expect(iso(addInterval(at('2025-01-10T08:00:00Z'), { interval_unit: 'WEEK', interval_count: 2 }))).toBe('2025-01-24T08:00:00.000Z');
    expect(iso(addInterval(at('2025-01-10T08:00:00Z'), { interval_unit: 'MONTH', interval_count: 1 }))).toBe('2025-02-10T08:00:00.000Z');
    expect(iso(addInterval(at('2024-02-29T08:00:00Z'), { interval_unit: 'YEAR', interval_count: 1 }))).toBe('2025-02-28T08:00:00.000Z');
  });

  it('bills the 31st on the last day of shorter months instead of spilling over', () => {
    expect(iso(addInterval(at('2025-01-31T12:00:00Z'), { interval_unit: 'MONTH', interval_count: 1 }))).toBe('2025-02-28T12:00:00.000Z');
    expect(iso(addInterval(at('2025-01-31T12:00:00Z'), { interval_unit: 'MONTH', interval_count: 3 }))).toBe('2025-04-30T12:00:00.000Z');
  });
});

describe('finalPaymentTime', () => {
  const monthly = { interval_unit: 'MONTH' as const, interval_count: 1 };
  const billing = (completed: number, total: number): BillingState => ({
    currency: 'USD',
    cycles: [{ cycle: { frequency: monthly, tenure_type: 'REGULAR', sequence: 1, total_cycles: total }, completed }],
    outstandingMinor: 0,
    failedPaymentsCount: 0,
    nextBillingTime: at('2025-02-01T00:00:00Z'),
  });

  it('is the last scheduled charge of a finite plan and undefined for an endless one', () => {
    expect(iso(finalPaymentTime(billing(1, 3))!)).toBe('2025-03-01T00:00:00.000Z');
    expect(finalPaymentTime(billing(1, 0))).toBeUndefined();
  });
});
