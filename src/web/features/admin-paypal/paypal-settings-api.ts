import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  paypalConnectionResult,
  paypalSettingsBody,
  type UpdatePayPalSettingsInput,
} from '../../../contracts/paypal';
import { apiRequest } from '../../app/api-client';

export const paypalSettingsQueryOptions = queryOptions({
  queryKey: ['admin', 'settings', 'paypal'] as const,
  queryFn: ({ signal }) => apiRequest('/api/admin/settings/paypal', paypalSettingsBody, { signal }),
});

export function usePayPalSettings() {
  return useQuery(paypalSettingsQueryOptions);
}

export function useUpdatePayPalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'settings', 'paypal', 'update'],
    mutationFn: (body: UpdatePayPalSettingsInput) => apiRequest('/api/admin/settings/paypal', paypalSettingsBody, { method: 'PUT', body }),
    onSuccess: (data) => queryClient.setQueryData(paypalSettingsQueryOptions.queryKey, data),
  });
}

export function useTestPayPalConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'settings', 'paypal', 'test'],
    mutationFn: () => apiRequest('/api/admin/settings/paypal/test', paypalConnectionResult, { method: 'POST' }),
    onSuccess: ({ settings }) => queryClient.setQueryData(paypalSettingsQueryOptions.queryKey, { settings }),
  });
}
