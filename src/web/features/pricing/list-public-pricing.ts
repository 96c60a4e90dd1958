import { queryOptions, useQuery } from '@tanstack/react-query';
import { pricingBody } from '../../../contracts/plans';
import { apiRequest } from '../../app/api-client';
import { pricingQueryKey } from './list-pricing';

/** Landing-page pricing: no session needed, only plans published for the landing page. */
export function listPublicPricing(signal?: AbortSignal) {
  return apiRequest('/api/pricing/public', pricingBody, { signal });
}

export const publicPricingQueryOptions = queryOptions({
  queryKey: [...pricingQueryKey, 'public'],
  queryFn: ({ signal }) => listPublicPricing(signal),
});

export function usePublicPricing() {
  return useQuery(publicPricingQueryOptions);
}
