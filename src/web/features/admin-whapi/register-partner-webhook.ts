import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { whapiSettingsBody, type registerWebhookBody } from '../../../contracts/whapi-settings';
import { apiRequest } from '../../app/api-client';
import { settingsChanged } from './whapi-settings-query';

export type RegisterWebhookInput = z.output<typeof registerWebhookBody>;

export function registerPartnerWebhook(body: RegisterWebhookInput) {
  return apiRequest('/api/admin/settings/whapi/register-webhook', whapiSettingsBody, { method: 'POST', body });
}

export function useRegisterPartnerWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'whapi', 'register-webhook'],
    mutationFn: registerPartnerWebhook,
    // A failure may also mean WHAPI refused the token: the banner should learn about it too.
    onSuccess: (settings) => settingsChanged(queryClient, settings),
    onError: () => settingsChanged(queryClient),
  });
}
