import type { SimContext } from './sim-context';
import type { ChannelRecord } from './state';

/** The Partner `Channel` object. Times are milliseconds, as in the official sample (NOTES §0). */
export function toPartnerChannel(sim: SimContext, channel: ChannelRecord) {
  return {
    id: channel.id,
    token: channel.token,
    apiUrl: `${sim.baseUrl}/`,
    name: channel.name,
    projectId: channel.projectId,
    ...(channel.phone ? { phone: channel.phone } : {}),
    ...(channel.recurrentPaymentId ? { recurrentPaymentId: channel.recurrentPaymentId } : {}),
    ...(channel.prevRecurrentPaymentId ? { prevRecurrentPaymentId: channel.prevRecurrentPaymentId } : {}),
    ownerId: sim.state.partner.ownerId,
    server: channel.server,
    creationTS: channel.creationTS,
    activeTill: channel.activeTill,
    trial: channel.trial,
    stopped: channel.stopped,
    blocked: false,
    // Only "active" is documented (§10.6); the gate health (STOP) and `stopped` carry the rest.
    status: 'active',
    mode: channel.mode,
  };
}
