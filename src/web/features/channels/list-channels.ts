import { queryOptions, useQuery } from '@tanstack/react-query';
import { userChannelsBody } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelsQueryKey } from './channel-query-keys';

export function listChannels(signal?: AbortSignal) {
  return apiRequest('/api/channels', userChannelsBody, { signal });
}

export const channelsQueryOptions = queryOptions({
  queryKey: [...channelsQueryKey, 'list'],
  queryFn: ({ signal }) => listChannels(signal),
  // Days left and expiry follow the clock (DOMAIN.md "Channel clock"): re-read now and then, not only on events.
  refetchInterval: 60_000,
});

export function useChannels() {
  return useQuery(channelsQueryOptions);
}
