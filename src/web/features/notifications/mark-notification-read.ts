import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { notification } from '../../../contracts/notifications';
import { apiRequest } from '../../app/api-client';
import { notificationsQueryKey } from './list-notifications';

export function markNotificationRead(id: string) {
  return apiRequest(`/api/notifications/${encodeURIComponent(id)}/read`, z.object({ notification }), { method: 'POST' });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['notifications', 'read'],
    mutationFn: markNotificationRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
