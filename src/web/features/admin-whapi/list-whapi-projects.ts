import { queryOptions, useQuery } from '@tanstack/react-query';
import { whapiProjectsBody } from '../../../contracts/whapi-settings';
import { apiRequest } from '../../app/api-client';

export const whapiProjectsQueryKey = ['admin', 'whapi', 'projects'] as const;

export function listWhapiProjects(signal?: AbortSignal) {
  return apiRequest('/api/admin/settings/whapi/projects', whapiProjectsBody, { signal });
}

export const whapiProjectsQueryOptions = queryOptions({
  queryKey: whapiProjectsQueryKey,
  queryFn: ({ signal }) => listWhapiProjects(signal),
  staleTime: 5 * 60_000,
  // A refused token answers the same way again; the card shows WHAPI's words and a Retry button instead.
  retry: false,
  refetchOnWindowFocus: false,
});

/** Only asked for once a token is stored: without one the server can only say "not configured". */
export function useWhapiProjects(tokenConfigured: boolean) {
  return useQuery({ ...whapiProjectsQueryOptions, enabled: tokenConfigured });
}
