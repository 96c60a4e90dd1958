import { queryOptions, useQuery } from '@tanstack/react-query';
import { adminDashboardBody } from '../../../contracts/admin-dashboard';
import { apiRequest } from '../../app/api-client';

// Invalidated by the users feature after every change to a user (admin-users-api.ts usersChanged).
export const adminDashboardQueryKey = ['admin', 'dashboard'] as const;

export const adminDashboardQueryOptions = queryOptions({
  queryKey: adminDashboardQueryKey,
  queryFn: ({ signal }) => apiRequest('/api/admin/dashboard', adminDashboardBody, { signal }),
  // A console left open stays current: counts and the expiring list move with the clock.
  refetchInterval: 60_000,
});

export function useAdminDashboard() {
  return useQuery(adminDashboardQueryOptions);
}
