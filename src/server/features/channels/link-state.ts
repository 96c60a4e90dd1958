import { eq } from 'drizzle-orm';
import { CHANNEL_MESSAGES, type ChannelAuthStatus } from '../../../contracts/channels';
import type { Tx } from '../../db/connect';
import { channels } from '../../db/schema/index';
import type { WhapiHealth } from '../../integrations/whapi/index';
import { publishUserEvent } from '../../realtime/event-bus';
import { channelStatusAt } from './channel-clock';

/** What we learned about a channel's phone link, from a webhook, a health read or a QR request. */
export type LinkObservation =
  | { kind: 'authorized'; phone?: string | null; health?: string; at?: Date | null; live?: boolean }
  | { kind: 'not_authorized'; health: string; at?: Date | null; live?: boolean }
  | { kind: 'unlinked' }
  | { kind: 'qr_shown' };

/**
 * A health reading as an observation, timed by WHAPI's own clock (start_at + uptime) when it gives one. `live`:
 * read from WHAPI just now (not delivered by a webhook), so it is the current truth and is never stale.
 */
export function observeHealth(health: WhapiHealth, options: { live?: boolean } = {}): LinkObservation {
  const at = health.startedAt && health.uptimeSeconds !== null ? new Date(health.startedAt.getTime() + health.uptimeSeconds * 1000) : null;
  const live = options.live ?? false;
  return health.status === 'AUTH'
    ? { kind: 'authorized', phone: health.user?.phone ?? null, health: health.status, at, live }
    : { kind: 'not_authorized', health: health.status === 'UNKNOWN' ? health.statusText : health.status, at, live };
}

function nextAuthStatus(current: ChannelAuthStatus, observation: LinkObservation): ChannelAuthStatus {
  switch (observation.kind) {
    case 'authorized':
      return 'authorized';
    case 'qr_shown':
      return current === 'authorized' ? current : 'qr_generated';
    default:
      // DOMAIN.md: disconnected when WHAPI reports logout or a non-AUTH health *after being authorized*.
      return current === 'authorized' ? 'disconnected' : current;
  }
}

/**
 * Applies one observation to the channel (locked): link state, stopped, last health and heartbeat. A health
 * reading older than the last one we kept is stale and changes nothing (webhooks arrive out of order, W2). The
 * owner's open tabs hear about a change; linking says "Channel connected successfully and now active."
 */
export async function applyLinkObservation(tx: Tx, channelId: string, observation: LinkObservation): Promise<'applied' | 'stale' | 'gone'> {
  const [channel] = await tx.select().from(channels).where(eq(channels.id, channelId)).for('update');
  if (!channel || channel.deletedAt) return 'gone';
  const at = 'at' in observation ? (observation.at ?? null) : null;
  const live = 'live' in observation && observation.live === true;
  const newerKept = at && channel.lastHeartbeatAt && at.getTime() < channel.lastHeartbeatAt.getTime();
  if (newerKept && !live) return 'stale';

  const authStatus = nextAuthStatus(channel.authStatus, observation);
  const phone =
    observation.kind === 'authorized' && observation.phone && !channel.phone ? `+${observation.phone}` : channel.phone;
  const now = new Date();
  await tx
    .update(channels)
    .set({
      authStatus,
      phone,
      ...(authStatus === 'authorized' ? { stopped: false } : {}),
      ...('health' in observation && observation.health ? { lastHealth: observation.health } : {}),
      ...(at && !newerKept ? { lastHeartbeatAt: at } : {}),
      updatedAt: now,
    })
    .where(eq(channels.id, channel.id));
  if (authStatus !== channel.authStatus) {
    await publishUserEvent(tx, {
      userId: channel.userId,
      type: 'channel.updated',
      data: {
        channelId: channel.id,
        status: channelStatusAt(channel.expiresAt, now),
        authStatus,
        deleted: false,
        message: authStatus === 'authorized' ? CHANNEL_MESSAGES.connected : null,
      },
    });
  }
  return 'applied';
}
