import { queryOptions, useQuery } from '@tanstack/react-query';
import { platformSettingsBody } from '../../../contracts/settings';
import { apiRequest } from '../../app/api-client';

export const platformSettingsQueryKey = ['admin', 'settings', 'platform'] as const;

export function getPlatformSettings(signal?: AbortSignal) {
  return apiRequest('/api/admin/settings/platform', platformSettingsBody, { signal });
}

export const platformSettingsQueryOptions = queryOptions({
  queryKey: platformSettingsQueryKey,
  queryFn: ({ signal }) => getPlatformSettings(signal),
});

export function usePlatformSettings() {
  return useQuery(platformSettingsQueryOptions);
}
