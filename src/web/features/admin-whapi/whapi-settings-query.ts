import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { whapiSettingsBody, type WhapiSettings } from '../../../contracts/whapi-settings';
import { apiRequest } from '../../app/api-client';
import { whapiStatusQueryKey } from '../../app/whapi-status-query';

export const whapiSettingsQueryKey = ['admin', 'whapi', 'settings'] as const;

export function getWhapiSettings(signal?: AbortSignal) {
  return apiRequest('/api/admin/settings/whapi', whapiSettingsBody, { signal });
}

export const whapiSettingsQueryOptions = queryOptions({
  queryKey: whapiSettingsQueryKey,
  queryFn: ({ signal }) => getWhapiSettings(signal),
});

export function useWhapiSettings() {
  return useQuery(whapiSettingsQueryOptions);
}

/**
 * After any settings change: show the fresh settings at once and re-ask for the banner and partner balance,
 * so the banner goes away right after a successful test (or comes back once the token is cleared).
 */
export function settingsChanged(queryClient: QueryClient, settings?: WhapiSettings) {
  if (settings) queryClient.setQueryData(whapiSettingsQueryKey, settings);
  else void queryClient.invalidateQueries({ queryKey: whapiSettingsQueryKey });
  void queryClient.invalidateQueries({ queryKey: whapiStatusQueryKey });
}
