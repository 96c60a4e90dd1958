import { describe, expect, it } from 'vitest';
import { bulkWindow, dailyWindow } from './usage-windows';

describe('dailyWindow', () => {
  it('names the calendar day in the platform time zone and resets at its next midnight', () => {
    const at = new Date('2026-11-21T22:30:00Z');
    expect(dailyWindow(at, 'UTC')).toEqual({ key: '2026-11-21', resetsAt: new Date('2026-11-22T00:00:00Z') });
    // Bahrain is UTC+3: 22:30 UTC is already 01:30 on the 22nd there.
    expect(dailyWindow(at, 'Asia/Bahrain')).toEqual({ key: '2026-11-22', resetsAt: new Date('2026-11-22T21:00:00Z') });
    expect(dailyWindow(at, 'America/New_York')).toEqual({ key: '2026-11-21', resetsAt: new Date('2026-11-22T05:00:00Z') });
  });

  it('resets at local midnight on the days daylight saving time starts and ends', () => {
    // New York: clocks go forward on 2026-03-08 and back on 2026-11-01.
    expect(dailyWindow(new Date('2026-03-08T12:00:00Z'), 'America/New_York').resetsAt).toEqual(new Date('2026-03-09T04:00:00Z'));
    expect(dailyWindow(new Date('2026-11-01T12:00:00Z'), 'America/New_York').resetsAt).toEqual(new Date('2026-11-02T05:00:00Z'));
  });
});

describe('bulkWindow', () => {
  const subscription = { id: 'sub-1', startedAt: new Date('2026-01-01T00:00:00Z'), billingPeriod: 'monthly' as const };

  it('counts periods of the billing length from the start of the subscription', () => {
    expect(bulkWindow(new Date('2026-01-15T00:00:00Z'), subscription)).toEqual({
      key: 'sub-1:0',
      resetsAt: new Date('2026-01-31T00:00:00Z'),
    });
    expect(bulkWindow(new Date('2026-01-31T00:00:00Z'), subscription).key).toBe('sub-1:1');
    expect(bulkWindow(new Date('2026-03-15T00:00:00Z'), { ...subscription, billingPeriod: 'annual' }).key).toBe('sub-1:0');
  });
});
