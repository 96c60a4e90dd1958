import { useMutation, useQueryClient } from '@tanstack/react-query';
import { whapiSettingsBody, type UpdateWhapiSettings } from '../../../contracts/whapi-settings';
import { apiRequest } from '../../app/api-client';
import { whapiProjectsQueryKey } from './list-whapi-projects';
import { settingsChanged } from './whapi-settings-query';

export function updateWhapiSettings(body: UpdateWhapiSettings) {
  return apiRequest('/api/admin/settings/whapi', whapiSettingsBody, { method: 'PATCH', body });
}

export function useUpdateWhapiSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'whapi', 'update'],
    mutationFn: updateWhapiSettings,
    onSuccess: (settings, body) => {
      settingsChanged(queryClient, settings);
      // Projects belong to the token: a new or cleared token means a different list (or none).
      if (body.partnerToken !== undefined) queryClient.removeQueries({ queryKey: whapiProjectsQueryKey });
    },
  });
}
