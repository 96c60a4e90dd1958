import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { campaignsPage, type CampaignStatus } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { hasRunningCampaigns, POLL_MS } from './message-polling';
import { campaignsQueryKey } from './messaging-query-keys';

export interface CampaignsQuery {
  page: number;
  pageSize: number;
  status?: CampaignStatus;
}

export function listCampaigns(query: CampaignsQuery, signal?: AbortSignal) {
  return apiRequest('/api/campaigns', campaignsPage, { query: { ...query }, signal });
}

export function campaignsQueryOptions(query: CampaignsQuery) {
  return queryOptions({
    queryKey: [...campaignsQueryKey, query],
    queryFn: ({ signal }) => listCampaigns(query, signal),
    placeholderData: keepPreviousData,
    // Progress bars move while a campaign runs; a finished list stays still.
    refetchInterval: (q) => (hasRunningCampaigns(q.state.data?.items) ? POLL_MS : false),
  });
}

export function useCampaigns(query: CampaignsQuery) {
  return useQuery(campaignsQueryOptions(query));
}
