import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { planList, type Plan } from '../../../contracts/plans';
import { apiRequest } from '../../app/api-client';
import { pricingQueryKey } from '../pricing/list-pricing';

export const adminPlansQueryKey = ['admin', 'plans'] as const;

export function listAdminPlans(signal?: AbortSignal) {
  return apiRequest('/api/admin/plans', planList, { signal });
}

export const adminPlansQueryOptions = queryOptions({
  queryKey: adminPlansQueryKey,
  queryFn: ({ signal }) => listAdminPlans(signal),
});

export function useAdminPlans() {
  return useQuery(adminPlansQueryOptions);
}

/** After any change to one plan: show it at once, then re-read the list and every pricing view. */
export function planChanged(queryClient: QueryClient, changed?: Plan) {
  if (changed) {
    queryClient.setQueryData(adminPlansQueryOptions.queryKey, (current) => {
      if (!current) return current;
      const known = current.plans.some((plan) => plan.id === changed.id);
      return { plans: known ? current.plans.map((plan) => (plan.id === changed.id ? changed : plan)) : [...current.plans, changed] };
    });
  }
  void queryClient.invalidateQueries({ queryKey: adminPlansQueryKey });
  void queryClient.invalidateQueries({ queryKey: pricingQueryKey });
}
