import { and, asc, eq, isNull } from 'drizzle-orm';
import { DAY_MS } from '../../../domain/service-days';
import { serviceState } from '../../../domain/access';
import { AppError } from '../../app-error';
import { channels } from '../../db/schema/index';
import { readAutoAllocate } from '../platform-settings/read-auto-allocate';
import type { ChannelDeps } from './channel-deps';
import { loadChannelOwner } from './channel-guard';
import { extendChannel } from './extend-channel';

export interface AutoAllocateResult {
  skipped: null | 'switched_off' | 'no_user' | 'user_banned' | 'no_service';
  extended: { channelId: string; days: number }[];
  failed: { channelId: string; code: string; message: string }[];
}

/**
 * DOMAIN.md "Auto-allocation": after a plan activation or renewal, and when an active user creates a channel,
 * every channel of the user whose expiry is before the service end is extended so channel time follows paid
 * time. Days per channel: min(billing period, the whole days from the channel's expiry (or now) to the service
 * end) — for a pending channel that is exactly min(period, the user's remaining days), and no channel is ever
 * pushed past the paid time, so no partner days are wasted. Running it twice does nothing more (pg-boss).
 */
export async function autoAllocateChannels(deps: ChannelDeps, payload: { userId: string; reason: string }): Promise<AutoAllocateResult> {
  const result: AutoAllocateResult = { skipped: null, extended: [], failed: [] };
  if (!(await readAutoAllocate(deps.db))) return { ...result, skipped: 'switched_off' };
  const owner = await loadChannelOwner(deps.db, payload.userId);
  if (!owner) return { ...result, skipped: 'no_user' };
  if (owner.banned) return { ...result, skipped: 'user_banned' };
  const now = new Date();
  const serviceEndsAt = owner.subscription?.serviceEndsAt;
  if (serviceState(owner.subscription, now) !== 'active' || !serviceEndsAt) return { ...result, skipped: 'no_service' };

  const list = await deps.db
    .select()
    .from(channels)
    .where(and(eq(channels.userId, owner.id), isNull(channels.deletedAt)))
    .orderBy(asc(channels.createdAt));
  for (const channel of list) {
    const from = channel.expiresAt && channel.expiresAt > now ? channel.expiresAt : now;
    if (from >= serviceEndsAt) continue;
    const days = Math.min(owner.periodDays, Math.ceil((serviceEndsAt.getTime() - from.getTime()) / DAY_MS));
    try {
      await extendChannel(deps, { actor: { userId: null, ip: null }, channelId: channel.id, days, auto: payload.reason });
      result.extended.push({ channelId: channel.id, days });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      result.failed.push({ channelId: channel.id, code, message });
      deps.log.warn({ channelId: channel.id, userId: owner.id, days, problem: message }, 'auto-allocation could not extend a channel');
      // Without days on the main balance the next channels would fail the same way: stop and wait for a top-up.
      if (error instanceof AppError && error.code === 'INSUFFICIENT_BALANCE') break;
    }
  }
  return result;
}
