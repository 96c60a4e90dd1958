import { createWhapiGateClient, type WhapiGateClient } from '../../integrations/whapi/index';
import type { ChannelDeps } from './channel-deps';
import type { ChannelRecord } from './channel-row';

/** The Gate API with the channel's own token (spec 000 §1d: QR and health use the channel token, never the partner's). */
export function gateFor(deps: ChannelDeps, channel: Pick<ChannelRecord, 'tokenSealed'>): WhapiGateClient {
  return gateWithToken(deps, deps.box.open(channel.tokenSealed));
}

export function gateWithToken(deps: ChannelDeps, token: string): WhapiGateClient {
  return createWhapiGateClient({ baseUrl: deps.gateUrl, token, log: deps.log });
}

/** Our receiver for one channel's Gate webhooks; the secret in the path is the only proof WHAPI can give (W1). */
export function channelWebhookUrl(appUrl: string, channelRef: string, secret: string): string {
  return `${appUrl}/api/webhooks/whapi/channels/${encodeURIComponent(channelRef)}/${secret}`;
}

/** The Gate events we subscribe to when a channel is created: link state, health, and messages for later. */
export const CHANNEL_WEBHOOK_EVENTS = [
  { type: 'channel', method: 'post' },
  { type: 'users', method: 'post' },
  { type: 'users', method: 'delete' },
  { type: 'messages', method: 'post' },
  { type: 'messages', method: 'put' },
  { type: 'statuses', method: 'post' },
  { type: 'statuses', method: 'put' },
] as const;
