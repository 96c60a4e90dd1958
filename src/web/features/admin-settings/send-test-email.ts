import { useMutation, useQueryClient } from '@tanstack/react-query';
import { testEmailResultBody, type SendTestEmail } from '../../../contracts/settings';
import { apiRequest } from '../../app/api-client';
import { emailSettingsChanged } from './email-settings-query';

export function sendTestEmail(body: SendTestEmail) {
  return apiRequest('/api/admin/settings/email/test', testEmailResultBody, { method: 'POST', body });
}

export function useSendTestEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'settings', 'email', 'test'],
    mutationFn: sendTestEmail,
    // Pass or fail, the server has just recorded the outcome as the "last test".
    onSettled: (result) => emailSettingsChanged(queryClient, result?.settings),
  });
}
