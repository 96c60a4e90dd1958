import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelDaysLeft, channelDisplayStatus, channelStatusAt, extendedExpiry, refundDaysAt } from './channel-clock';

const DAY = 86_400_000;
const now = new Date('2026-03-10T09:30:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('the channel clock (spec 003, DOMAIN.md "Channel clock")', () => {
  it('is pending without days and expired from the very millisecond now reaches expires_at', () => {
    expect(channelStatusAt(null, now)).toBe('pending');
    expect(channelStatusAt(at(1), now)).toBe('active');
    expect(channelStatusAt(at(0), now)).toBe('expired');
    expect(channelStatusAt(at(-1), now)).toBe('expired');
  });

  it('shows days left rounded up and refunds only whole days (floor), never below zero', () => {
    expect(channelDaysLeft(at(DAY + 1), now)).toBe(2);
    expect(refundDaysAt(at(DAY + 1), now)).toBe(1);
    expect(channelDaysLeft(at(DAY), now)).toBe(1);
    expect(refundDaysAt(at(DAY), now)).toBe(1);
    expect(refundDaysAt(at(DAY - 1), now)).toBe(0);
    expect(refundDaysAt(at(-5 * DAY), now)).toBe(0);
    expect(channelDaysLeft(null, now)).toBe(0);
  });

  it('never refunds more than was left, and the refund plus the partial day is what was left', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400 * DAY, max: 400 * DAY }), (left) => {
        const refund = refundDaysAt(at(left), now);
        expect(refund * DAY).toBeLessThanOrEqual(Math.max(0, left));
        if (left >= 0) expect(left - refund * DAY).toBeLessThan(DAY);
        expect(channelDaysLeft(at(left), now) - refund).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('keeps the time left when re-extended before expiry and counts from now after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100 * DAY, max: 100 * DAY }), fc.integer({ min: 1, max: 365 }), (left, days) => {
        const after = extendedExpiry(at(left), days, now);
        expect(after.getTime() - now.getTime()).toBe(Math.max(0, left) + days * DAY);
      }),
    );
    expect(extendedExpiry(null, 30, now).getTime()).toBe(now.getTime() + 30 * DAY);
  });

  it('shows one status by precedence: suspended > disconnected > unauthorized > active', () => {
    const base = { status: 'active' as const, authStatus: 'authorized' as const, ownerBanned: false, ownerExpired: false };
    expect(channelDisplayStatus(base)).toBe('active');
    expect(channelDisplayStatus({ ...base, authStatus: 'qr_generated' })).toBe('unauthorized');
    expect(channelDisplayStatus({ ...base, authStatus: 'pending' })).toBe('unauthorized');
    expect(channelDisplayStatus({ ...base, authStatus: 'disconnected' })).toBe('disconnected');
    expect(channelDisplayStatus({ ...base, authStatus: 'disconnected', status: 'expired' })).toBe('suspended');
    expect(channelDisplayStatus({ ...base, ownerBanned: true })).toBe('suspended');
    expect(channelDisplayStatus({ ...base, ownerExpired: true })).toBe('suspended');
  });
});
