import { queryOptions, useQuery } from '@tanstack/react-query';
import { channelHealthReply } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelApiPath, channelScopeKey, type ChannelLinkScope } from './channel-link-scope';

const POLL_MS = 3_000;

export function fetchChannelHealth(scope: ChannelLinkScope, channelId: string, signal?: AbortSignal) {
  return apiRequest(`${channelApiPath(scope, channelId)}/health`, channelHealthReply, { signal });
}

/**
 * Polled while a QR dialog is open: the server re-reads WHAPI's health, so the link is noticed even when WHAPI's
 * webhooks cannot reach us. The key sits under the scope's channel key, so a `channel.updated` event (which
 * invalidates that key) makes it answer at once instead of at the next tick.
 */
export function channelHealthQueryOptions(scope: ChannelLinkScope, channelId: string) {
  return queryOptions({
    queryKey: [...channelScopeKey(scope), 'health', channelId],
    queryFn: ({ signal }) => fetchChannelHealth(scope, channelId, signal),
    refetchInterval: POLL_MS,
    staleTime: 0,
    retry: false,
  });
}

export function useChannelHealth(scope: ChannelLinkScope, channelId: string, enabled: boolean) {
  return useQuery({ ...channelHealthQueryOptions(scope, channelId), enabled });
}
