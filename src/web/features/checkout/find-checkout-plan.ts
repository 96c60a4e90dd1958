import { useQuery } from '@tanstack/react-query';
import { pricingPlanBody } from '../../../contracts/plans';
import { apiRequest, isApiError } from '../../app/api-client';
import { pricingQueryKey } from '../pricing/list-pricing';

/**
 * The plan being bought: any published plan (also one shown only on the landing page), with the person's own
 * request type applied by the server.
 */
export function findCheckoutPlan(planId: string, signal?: AbortSignal) {
  return apiRequest(`/api/pricing/${encodeURIComponent(planId)}`, pricingPlanBody, { signal });
}

export function useCheckoutPlan(planId: string) {
  const query = useQuery({
    queryKey: [...pricingQueryKey, 'checkout', planId],
    queryFn: ({ signal }) => findCheckoutPlan(planId, signal),
    retry: (failures, error) => !isApiError(error, 'NOT_FOUND') && failures < 2,
  });
  // A plan that is not (or no longer) for sale is an answer, not a failure: the page says so.
  const withdrawn = isApiError(query.error, 'NOT_FOUND');
  return {
    plan: query.data?.plan ?? null,
    isLoading: query.isPending && !withdrawn,
    error: withdrawn ? null : query.error,
    retrying: query.isFetching,
    retry: () => void query.refetch(),
  };
}
