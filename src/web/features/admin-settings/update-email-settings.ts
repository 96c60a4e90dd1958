import { useMutation, useQueryClient } from '@tanstack/react-query';
import { emailSettingsBody, type UpdateEmailSettings } from '../../../contracts/settings';
import { apiRequest } from '../../app/api-client';
import { emailSettingsChanged } from './email-settings-query';

export function updateEmailSettings(body: UpdateEmailSettings) {
  return apiRequest('/api/admin/settings/email', emailSettingsBody, { method: 'PUT', body });
}

export function useUpdateEmailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'settings', 'email', 'update'],
    mutationFn: updateEmailSettings,
    onSuccess: (settings) => emailSettingsChanged(queryClient, settings),
  });
}
