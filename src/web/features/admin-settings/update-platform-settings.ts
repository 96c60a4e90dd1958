import { useMutation, useQueryClient } from '@tanstack/react-query';
import { platformSettingsBody, type UpdatePlatformSettings } from '../../../contracts/settings';
import { apiRequest } from '../../app/api-client';
import { platformSettingsQueryKey } from './platform-settings-query';

export function updatePlatformSettings(body: UpdatePlatformSettings) {
  return apiRequest('/api/admin/settings/platform', platformSettingsBody, { method: 'PUT', body });
}

export function useUpdatePlatformSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'settings', 'platform', 'update'],
    mutationFn: updatePlatformSettings,
    onSuccess: (settings) => queryClient.setQueryData(platformSettingsQueryKey, settings),
  });
}
