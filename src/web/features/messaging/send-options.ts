import { queryOptions, useQuery } from '@tanstack/react-query';
import { sendOptionsReply } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { hasSettlingMessages, POLL_MS } from './message-polling';
import { sendOptionsQueryKey } from './messaging-query-keys';

export function fetchSendOptions(signal?: AbortSignal) {
  return apiRequest('/api/send/options', sendOptionsReply, { signal });
}

export const sendOptionsQueryOptions = queryOptions({
  queryKey: sendOptionsQueryKey,
  queryFn: ({ signal }) => fetchSendOptions(signal),
  // A channel linked on the Channels page a moment ago must be offered as soon as the person comes here.
  staleTime: 0,
  // "Recent messages" follows each message to delivered/read without a reload, and stops once nothing can move.
  refetchInterval: (query) => (hasSettlingMessages(query.state.data?.recent) ? POLL_MS : false),
});

/** Send: the usage, the channels that can send, and the ten latest single messages. */
export function useSendOptions() {
  return useQuery(sendOptionsQueryOptions);
}
