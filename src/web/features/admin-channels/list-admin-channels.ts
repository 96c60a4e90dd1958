import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { adminChannelPage, type AdminChannelFilters } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { ADMIN_CHANNELS_QUERY_KEY } from '../channels/channel-query-keys';

export function listAdminChannels(query: AdminChannelFilters, signal?: AbortSignal) {
  return apiRequest('/api/admin/channels', adminChannelPage, { query: { ...query }, signal });
}

export function adminChannelsQueryOptions(query: AdminChannelFilters) {
  return queryOptions({
    queryKey: [...ADMIN_CHANNELS_QUERY_KEY, 'list', query],
    queryFn: ({ signal }) => listAdminChannels(query, signal),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

export function useAdminChannels(query: AdminChannelFilters) {
  return useQuery(adminChannelsQueryOptions(query));
}
