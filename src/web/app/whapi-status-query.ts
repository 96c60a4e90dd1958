import { queryOptions, useQuery } from '@tanstack/react-query';
import { whapiStatusBody } from '../../contracts/whapi-settings';
import { apiRequest } from './api-client';

// The admin banner, the partner balance in the header and Billing & Balances all read this one query, so a
// settings change (invalidating the key) updates every place at once.
export const whapiStatusQueryKey = ['whapi-status'] as const;

export function fetchWhapiStatus(signal?: AbortSignal) {
  return apiRequest('/api/admin/whapi/status', whapiStatusBody, { signal });
}

export const whapiStatusQueryOptions = queryOptions({
  queryKey: whapiStatusQueryKey,
  queryFn: ({ signal }) => fetchWhapiStatus(signal),
  // Days notices arrive by webhook at any time; a minute's delay is fine for a balance counted in days.
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
});

/** Admins only: a User's session never calls the admin API (it would answer 403). */
export function useWhapiStatus(isAdmin: boolean) {
  return useQuery({ ...whapiStatusQueryOptions, enabled: isAdmin });
}
