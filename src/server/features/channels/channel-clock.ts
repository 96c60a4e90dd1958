import type { ChannelAuthStatus, ChannelDisplayStatus, ChannelStatus } from '../../../contracts/channels';
import { DAY_MS } from '../../../domain/service-days';

// DOMAIN.md "Channel clock": pure rules, shared by reads, the sweeper and every change of days.

/** Billing status from the clock: pending until days are allocated, expired from the very second `now ≥ expires_at`. */
export function channelStatusAt(expiresAt: Date | null, now: Date): ChannelStatus {
  if (!expiresAt) return 'pending';
  return now.getTime() >= expiresAt.getTime() ? 'expired' : 'active';
}

/** Days left on a card: ceil((expires_at − now) / 24h), never below 0. */
export function channelDaysLeft(expiresAt: Date | null, now: Date): number {
  if (!expiresAt) return 0;
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS));
}

/** spec 003: a refund uses floor() so we never over-credit: max(0, floor((expires_at − now) / 86400 s)). */
export function refundDaysAt(expiresAt: Date | null, now: Date): number {
  if (!expiresAt) return 0;
  return Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS));
}

/** spec 003 "re-extend before expiry": expires_at = max(now, expires_at) + N × 24h, so time left is kept. */
export function extendedExpiry(expiresAt: Date | null, days: number, now: Date): Date {
  const from = expiresAt && expiresAt.getTime() > now.getTime() ? expiresAt : now;
  return new Date(from.getTime() + days * DAY_MS);
}

export interface DisplayInput {
  status: ChannelStatus;
  authStatus: ChannelAuthStatus;
  ownerBanned: boolean;
  ownerExpired: boolean;
}

/** The admin list's one status, by precedence: Suspended > Disconnected > Unauthorized > Active (DOMAIN.md). */
export function channelDisplayStatus(input: DisplayInput): ChannelDisplayStatus {
  if (input.ownerBanned || input.ownerExpired || input.status === 'expired') return 'suspended';
  if (input.authStatus === 'disconnected') return 'disconnected';
  if (input.authStatus === 'pending' || input.authStatus === 'qr_generated') return 'unauthorized';
  return 'active';
}
