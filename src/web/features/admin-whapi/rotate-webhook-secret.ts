import { useMutation, useQueryClient } from '@tanstack/react-query';
import { whapiSettingsBody } from '../../../contracts/whapi-settings';
import { apiRequest } from '../../app/api-client';
import { settingsChanged } from './whapi-settings-query';

export function rotateWebhookSecret() {
  return apiRequest('/api/admin/settings/whapi/rotate-webhook-secret', whapiSettingsBody, { method: 'POST' });
}

export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'whapi', 'rotate-webhook-secret'],
    mutationFn: rotateWebhookSecret,
    onSuccess: (settings) => settingsChanged(queryClient, settings),
  });
}
