import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import {
  adminUserDetails,
  adminUsersPage,
  daysHistoryPage,
  subscriptionHistoryBody,
  type AdminUsersQuery,
} from '../../../contracts/admin-users';
import { apiRequest } from '../../app/api-client';
import { adminDashboardQueryKey } from '../admin-dashboard/dashboard-query';

export const adminUsersQueryKey = ['admin', 'users'] as const;

export const userPath = (id: string, rest = '') => `/api/admin/users/${encodeURIComponent(id)}${rest}`;

export function adminUsersQueryOptions(query: AdminUsersQuery) {
  return queryOptions({
    queryKey: [...adminUsersQueryKey, 'list', query],
    queryFn: ({ signal }) => apiRequest('/api/admin/users', adminUsersPage, { query: { ...query }, signal }),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

export function useAdminUsers(query: AdminUsersQuery) {
  return useQuery(adminUsersQueryOptions(query));
}

export function userDetailsQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...adminUsersQueryKey, 'details', id],
    queryFn: ({ signal }) => apiRequest(userPath(id), adminUserDetails, { signal }),
  });
}

export function useUserDetails(id: string | null) {
  return useQuery({ ...userDetailsQueryOptions(id ?? ''), enabled: id !== null });
}

export function useUserDaysHistory(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...adminUsersQueryKey, 'days', id, page, pageSize],
    queryFn: ({ signal }) => apiRequest(userPath(id, '/days'), daysHistoryPage, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUserSubscriptions(id: string) {
  return useQuery({
    queryKey: [...adminUsersQueryKey, 'subscriptions', id],
    queryFn: ({ signal }) => apiRequest(userPath(id, '/subscriptions'), subscriptionHistoryBody, { signal }),
  });
}

/** After any change to a user: every users view and the dashboard (status counts, expiring soon) read again. */
export function usersChanged(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: adminUsersQueryKey }),
    queryClient.invalidateQueries({ queryKey: adminDashboardQueryKey }),
  ]);
}

