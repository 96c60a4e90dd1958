import { queryOptions, useQuery } from '@tanstack/react-query';
import { pricingBody } from '../../../contracts/plans';
import { apiRequest } from '../../app/api-client';

/** Every pricing list (in-app and public) lives under this key, so a plan change refreshes them all. */
export const pricingQueryKey = ['pricing'] as const;

/** In-app pricing: plans shown in the dashboard, with the user's own request type and current plan marked. */
export function listPricing(signal?: AbortSignal) {
  return apiRequest('/api/pricing', pricingBody, { signal });
}

export const pricingQueryOptions = queryOptions({
  queryKey: [...pricingQueryKey, 'member'],
  queryFn: ({ signal }) => listPricing(signal),
});

export function usePricing() {
  return useQuery(pricingQueryOptions);
}
