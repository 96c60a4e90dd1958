import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { partnerNoticesPage } from '../../../contracts/whapi-settings';
import { apiRequest } from '../../app/api-client';

export const PARTNER_NOTICES_PAGE_SIZE = 20;

export function listPartnerNotices(page: number, signal?: AbortSignal) {
  return apiRequest('/api/admin/whapi/notices', partnerNoticesPage, { query: { page, pageSize: PARTNER_NOTICES_PAGE_SIZE }, signal });
}

export function partnerNoticesQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['admin', 'whapi', 'notices', page],
    queryFn: ({ signal }) => listPartnerNotices(page, signal),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

export function usePartnerNotices(page: number) {
  return useQuery(partnerNoticesQueryOptions(page));
}
