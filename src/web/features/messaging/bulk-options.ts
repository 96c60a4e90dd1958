import { queryOptions, useQuery } from '@tanstack/react-query';
import { bulkOptionsReply } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { POLL_MS } from './message-polling';
import { bulkOptionsQueryKey } from './messaging-query-keys';

export function fetchBulkOptions(signal?: AbortSignal) {
  return apiRequest('/api/bulk/options', bulkOptionsReply, { signal });
}

export const bulkOptionsQueryOptions = queryOptions({
  queryKey: bulkOptionsQueryKey,
  queryFn: ({ signal }) => fetchBulkOptions(signal),
  // A channel linked on the Channels page a moment ago must be offered as soon as the person comes here.
  staleTime: 0,
});

/** Bulk: the usage (today and this period) and the channels a campaign can go out on. */
export function useBulkOptions({ polling }: { polling: boolean }) {
  // While a campaign runs, each message it sends counts against today's limit: keep the meters moving with it.
  return useQuery({ ...bulkOptionsQueryOptions, refetchInterval: polling ? POLL_MS : false });
}
