import type { ChannelDeps } from '../channels/channel-deps';
import type { WhapiGateClient } from '../../integrations/whapi/index';
import { gateFor } from '../channels/channel-whapi';

/**
 * Messaging talks to WHAPI through the channel's own token, like the channel screens do, so it needs the same
 * door. `gate` can be swapped by tests that need to stop a dispatcher half-way (QUALITY B1).
 */
export interface MessagingDeps extends ChannelDeps {
  gate?: (channel: { tokenSealed: string }) => WhapiGateClient;
}

export function messagingGate(deps: MessagingDeps, channel: { tokenSealed: string }): WhapiGateClient {
  return deps.gate ? deps.gate(channel) : gateFor(deps, channel);
}
