import { describe, expect, it } from 'vitest';
import { channelLabel, formatDateTime, formatEventTime } from './messaging-labels';

describe('messaging labels', () => {
  it('gives a delivery time alone when it happened the day the message was created, the full date otherwise', () => {
    const created = new Date(2026, 4, 1, 9, 0).toISOString();
    const sameDay = new Date(2026, 4, 1, 9, 5).toISOString();
    const nextDay = new Date(2026, 4, 2, 8, 0).toISOString();
    expect(formatEventTime(sameDay, created)).toBe(new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(sameDay)));
    expect(formatEventTime(nextDay, created)).toBe(formatDateTime(nextDay));
  });

  it('names a channel with its number once linked, whether the number carries its "+" or not', () => {
    expect(channelLabel({ name: 'Sales', phone: '97336123456' })).toBe('Sales (+97336123456)');
    expect(channelLabel({ name: 'Sales', phone: '+97336123456' })).toBe('Sales (+97336123456)');
    expect(channelLabel({ name: 'Sales', phone: null })).toBe('Sales');
  });
});
