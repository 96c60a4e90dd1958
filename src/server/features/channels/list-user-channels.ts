import { and, asc, eq, isNull } from 'drizzle-orm';
import type { UserChannelsBody } from '../../../contracts/channels';
import { daysRemaining } from '../../../domain/service-days';
import { notFound } from '../../app-error';
import { channels } from '../../db/schema/index';
import type { ChannelDeps } from './channel-deps';
import { describeChannelGuard } from './channel-guard';
import { selectChannelViews, toUserChannel } from './channel-row';

/** User → Channels: the "Days remaining" header, a card per live channel, and why Add Channel is disabled. */
export async function listUserChannels(deps: Pick<ChannelDeps, 'db' | 'box'>, userId: string): Promise<UserChannelsBody> {
  const [views, described] = await Promise.all([
    selectChannelViews(deps.db)
      .where(and(eq(channels.userId, userId), isNull(channels.deletedAt)))
      .orderBy(asc(channels.createdAt), asc(channels.id)),
    describeChannelGuard(deps, userId, 'user'),
  ]);
  if (!described) throw notFound('User');
  const now = new Date();
  const serviceEndsAt = described.owner.subscription?.serviceEndsAt ?? null;
  return {
    channels: views.map((view) => toUserChannel(view, now)),
    daysRemaining: daysRemaining(serviceEndsAt, now),
    serviceEndsAt: serviceEndsAt?.toISOString() ?? null,
    guard: described.guard,
  };
}
