import { CHANNEL_MESSAGES, type ChannelHealthReply } from '../../../contracts/channels';
import type { ChannelDeps } from './channel-deps';
import { qrBlockReason, requireChannelView, toUserChannel } from './channel-row';
import { gateFor } from './channel-whapi';
import { applyLinkObservation, observeHealth } from './link-state';

/**
 * The QR dialog's fallback while webhooks cannot reach us: read WHAPI's health with the channel token (without
 * waking it) and apply it like a webhook would. WHAPI being unreachable is not the dialog's problem: it gets
 * the state we know.
 */
export async function pollChannelHealth(deps: ChannelDeps, input: { channelId: string; ownerId: string | null }): Promise<ChannelHealthReply> {
  let view = await requireChannelView(deps.db, input.channelId, input.ownerId);
  if (qrBlockReason(view, new Date()) === null) {
    try {
      const health = await gateFor(deps, view.channel).health({ wakeup: false });
      await deps.db.transaction((tx) => applyLinkObservation(tx, view.channel.id, observeHealth(health, { live: true })));
      view = await requireChannelView(deps.db, input.channelId, input.ownerId);
    } catch (error) {
      deps.log.warn({ err: error, channelId: view.channel.id }, 'health poll could not reach WHAPI');
    }
  }
  const channel = toUserChannel(view, new Date());
  const connected = channel.authStatus === 'authorized';
  return {
    authStatus: channel.authStatus,
    displayStatus: channel.displayStatus,
    connected,
    message: connected ? CHANNEL_MESSAGES.connected : null,
    health: view.channel.lastHealth,
    lastHeartbeatAt: channel.lastHeartbeatAt,
  };
}
