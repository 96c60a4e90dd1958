import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { leadPage, type LeadQuery } from '../../../contracts/leads';
import { apiRequest } from '../../app/api-client';

export const leadsQueryKey = ['admin', 'leads'] as const;

export function listLeads(query: LeadQuery, signal?: AbortSignal) {
  return apiRequest('/api/admin/leads', leadPage, { query: { ...query }, signal });
}

export function leadsQueryOptions(query: LeadQuery) {
  return queryOptions({
    queryKey: [...leadsQueryKey, query],
    queryFn: ({ signal }) => listLeads(query, signal),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

export function useLeads(query: LeadQuery) {
  return useQuery(leadsQueryOptions(query));
}
