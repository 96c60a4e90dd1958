import { ADMIN_CHANNELS_QUERY_KEY, channelsQueryKey } from './channel-query-keys';

/**
 * The QR dialog serves the user ("Show QR") and the admin ("Re-authorize"): the same WHAPI calls, made through the
 * user's or the admin's API. A scope says which, and where that side keeps its channel queries.
 */
export type ChannelLinkScope = 'user' | 'admin';

export function channelApiPath(scope: ChannelLinkScope, channelId: string): string {
  const base = scope === 'admin' ? '/api/admin/channels' : '/api/channels';
  return `${base}/${encodeURIComponent(channelId)}`;
}

/** The key under which this side's channel queries live (lists, details, health). */
export function channelScopeKey(scope: ChannelLinkScope): readonly string[] {
  return scope === 'admin' ? ADMIN_CHANNELS_QUERY_KEY : channelsQueryKey;
}
