import { and, eq } from 'drizzle-orm';
import { CHANNEL_MESSAGES, type AdminChannel, type UserChannel } from '../../../contracts/channels';
import { PERIOD_DAYS } from '../../../domain/plans';
import { notFound } from '../../app-error';
import type { DbOrTx } from '../../db/connect';
import { channels, plans, subscriptions, users } from '../../db/schema/index';
import type { SecretBox } from '../../secrets/secret-box';
import { channelDaysLeft, channelDisplayStatus, channelStatusAt } from './channel-clock';

export type ChannelRecord = typeof channels.$inferSelect;

/** A channel with what its screens and rules need to know about the owner and the owner's plan. */
export interface ChannelView {
  channel: ChannelRecord;
  ownerName: string;
  ownerEmail: string;
  ownerBanned: boolean;
  subStatus: 'pending' | 'active' | 'expired' | 'canceled' | null;
  serviceEndsAt: Date | null;
  billingPeriod: keyof typeof PERIOD_DAYS | null;
}

/** The select every channel read starts from: channel, owner, current subscription and its plan period. */
export function selectChannelViews(db: DbOrTx) {
  return db
    .select({
      channel: channels,
      ownerName: users.name,
      ownerEmail: users.email,
      ownerBanned: users.banned,
      subStatus: subscriptions.status,
      serviceEndsAt: subscriptions.serviceEndsAt,
      billingPeriod: plans.billingPeriod,
    })
    .from(channels)
    .innerJoin(users, eq(users.id, channels.userId))
    .leftJoin(subscriptions, and(eq(subscriptions.userId, channels.userId), eq(subscriptions.isCurrent, true)))
    .leftJoin(plans, eq(plans.id, subscriptions.planId));
}

export async function findChannelView(db: DbOrTx, channelId: string): Promise<ChannelView | null> {
  const [row] = await selectChannelViews(db).where(eq(channels.id, channelId));
  return row ?? null;
}

/** Owner expired = a plan that ran out or was canceled (DOMAIN.md "Subscriptions"); never having had one is not. */
export function ownerExpired(view: Pick<ChannelView, 'subStatus' | 'serviceEndsAt'>, now: Date): boolean {
  if (!view.subStatus || view.subStatus === 'pending' || !view.serviceEndsAt) return false;
  return view.subStatus === 'canceled' || view.serviceEndsAt.getTime() <= now.getTime();
}

export function periodDaysOf(view: Pick<ChannelView, 'billingPeriod'>): number {
  return view.billingPeriod ? PERIOD_DAYS[view.billingPeriod] : PERIOD_DAYS.monthly;
}

/** Why "Show QR" is unavailable (spec 000 §1d: once active; blocked while pending or expired, and for banned owners). */
export function qrBlockReason(view: ChannelView, now: Date): string | null {
  if (view.channel.deletedAt) return CHANNEL_MESSAGES.channelDeleted;
  if (view.ownerBanned) return CHANNEL_MESSAGES.ownerBanned;
  const status = channelStatusAt(view.channel.expiresAt, now);
  if (status === 'pending') return CHANNEL_MESSAGES.qrPending;
  if (status === 'expired') return CHANNEL_MESSAGES.qrExpired;
  return null;
}

export function toUserChannel(view: ChannelView, now: Date): UserChannel {
  const { channel } = view;
  const status = channelStatusAt(channel.expiresAt, now);
  const blocked = qrBlockReason(view, now);
  return {
    id: channel.id,
    name: channel.name,
    phone: channel.phone,
    status,
    authStatus: channel.authStatus,
    displayStatus: channelDisplayStatus({
      status,
      authStatus: channel.authStatus,
      ownerBanned: view.ownerBanned,
      ownerExpired: ownerExpired(view, now),
    }),
    activeFrom: channel.activeFrom?.toISOString() ?? null,
    expiresAt: channel.expiresAt?.toISOString() ?? null,
    daysLeft: channelDaysLeft(channel.expiresAt, now),
    qr: { available: blocked === null, reason: blocked },
    lastHeartbeatAt: channel.lastHeartbeatAt?.toISOString() ?? null,
    createdAt: channel.createdAt.toISOString(),
  };
}

export function toAdminChannel(view: ChannelView, box: SecretBox, now: Date): AdminChannel {
  const { channel } = view;
  return {
    ...toUserChannel(view, now),
    channelRef: channel.channelRef,
    tokenLast4: box.open(channel.tokenSealed).slice(-4),
    user: { id: channel.userId, name: view.ownerName, email: view.ownerEmail, banned: view.ownerBanned },
    mode: channel.mode,
    stopped: channel.stopped,
    periodDays: periodDaysOf(view),
  };
}

/**
 * A live channel the caller may act on: `ownerId` limits a user to their own (another user's channel is a 404,
 * never a 403, so ids reveal nothing); null is an admin.
 */
export async function requireChannelView(db: DbOrTx, channelId: string, ownerId: string | null): Promise<ChannelView> {
  const view = await findChannelView(db, channelId);
  if (!view || view.channel.deletedAt || (ownerId !== null && view.channel.userId !== ownerId)) throw notFound('Channel');
  return view;
}
