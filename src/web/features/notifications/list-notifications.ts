import { queryOptions, useQuery } from '@tanstack/react-query';
import { notificationPage } from '../../../contracts/notifications';
import { apiRequest } from '../../app/api-client';

/** Every notification query starts with this key; the realtime hook invalidates it when one arrives. */
export const notificationsQueryKey = ['notifications'] as const;

const BELL_PAGE_SIZE = 10;

export function listNotifications(signal?: AbortSignal) {
  return apiRequest('/api/notifications', notificationPage, { query: { pageSize: BELL_PAGE_SIZE }, signal });
}

export const bellNotificationsQueryOptions = queryOptions({
  queryKey: [...notificationsQueryKey, 'bell'],
  queryFn: ({ signal }) => listNotifications(signal),
  // Server-sent events refresh it at once; polling only covers a dropped event stream.
  refetchInterval: 5 * 60_000,
});

export function useBellNotifications() {
  return useQuery(bellNotificationsQueryOptions);
}
