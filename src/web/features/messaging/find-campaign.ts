import { useQuery } from '@tanstack/react-query';
import { campaignReply } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { POLL_MS } from './message-polling';
import { campaignQueryKey } from './messaging-query-keys';

export function findCampaign(id: string, signal?: AbortSignal) {
  return apiRequest(`/api/campaigns/${encodeURIComponent(id)}`, campaignReply, { signal });
}

/** One campaign for its drawer; null keeps the query idle. Polled while it runs. */
export function useCampaign(id: string | null) {
  return useQuery({
    queryKey: campaignQueryKey(id ?? ''),
    queryFn: ({ signal }) => findCampaign(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.campaign.status === 'running' ? POLL_MS : false),
  });
}
