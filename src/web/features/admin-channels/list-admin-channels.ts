import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { adminChannelPage } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { ADMIN_CHANNELS_QUERY_KEY } from '../channels/channel-query-keys';
import type { AdminChannelListQuery } from './admin-channels-search';

export function listAdminChannels(query: AdminChannelListQuery, signal?: AbortSignal) {
  return apiRequest('/api/admin/channels', adminChannelPage, { query: { ...query }, signal });
}

export function adminChannelsQueryOptions(query: AdminChannelListQuery) {
  return queryOptions({
    queryKey: [...ADMIN_CHANNELS_QUERY_KEY, 'list', query],
    queryFn: ({ signal }) => listAdminChannels(query, signal),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

export function useAdminChannels(query: AdminChannelListQuery) {
  return useQuery(adminChannelsQueryOptions(query));
}
