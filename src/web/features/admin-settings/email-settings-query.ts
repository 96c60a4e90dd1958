import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { emailSettingsBody, type EmailSettings } from '../../../contracts/settings';
import { apiRequest } from '../../app/api-client';

export const emailSettingsQueryKey = ['admin', 'settings', 'email'] as const;

export function getEmailSettings(signal?: AbortSignal) {
  return apiRequest('/api/admin/settings/email', emailSettingsBody, { signal });
}

export const emailSettingsQueryOptions = queryOptions({
  queryKey: emailSettingsQueryKey,
  queryFn: ({ signal }) => getEmailSettings(signal),
});

export function useEmailSettings() {
  return useQuery(emailSettingsQueryOptions);
}

/** Shows the server's fresh copy at once, or asks for it again when the answer carried none (a failed test). */
export function emailSettingsChanged(queryClient: QueryClient, settings?: EmailSettings) {
  if (settings) queryClient.setQueryData(emailSettingsQueryKey, settings);
  else void queryClient.invalidateQueries({ queryKey: emailSettingsQueryKey });
}
