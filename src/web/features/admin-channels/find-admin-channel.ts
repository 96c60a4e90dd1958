import { queryOptions, useQuery } from '@tanstack/react-query';
import { adminChannelDetails } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelApiPath } from '../channels/channel-link-scope';
import { ADMIN_CHANNELS_QUERY_KEY } from '../channels/channel-query-keys';

export function findAdminChannel(id: string, signal?: AbortSignal) {
  return apiRequest(channelApiPath('admin', id), adminChannelDetails, { signal });
}

export function adminChannelQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...ADMIN_CHANNELS_QUERY_KEY, 'details', id],
    queryFn: ({ signal }) => findAdminChannel(id, signal),
    staleTime: 0,
    // Admins get no event for another person's channel: while the drawer is open, re-read it now and then so a
    // disconnect or a heartbeat shows up.
    refetchInterval: 15_000,
  });
}

/** The drawer's details: counters, audit trail, main balance and the refund a delete would give now. */
export function useAdminChannel(id: string | null) {
  return useQuery({ ...adminChannelQueryOptions(id ?? ''), enabled: id !== null });
}
