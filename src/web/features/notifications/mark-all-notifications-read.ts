import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markAllReadBody } from '../../../contracts/notifications';
import { apiRequest } from '../../app/api-client';
import { notificationsQueryKey } from './list-notifications';

export function markAllNotificationsRead() {
  return apiRequest('/api/notifications/read-all', markAllReadBody, { method: 'POST' });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['notifications', 'read-all'],
    mutationFn: markAllNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
