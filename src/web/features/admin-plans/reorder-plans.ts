import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planList, type Plan } from '../../../contracts/plans';
import { apiRequest } from '../../app/api-client';
import { adminPlansQueryKey } from './list-admin-plans';
import { pricingQueryKey } from '../pricing/list-pricing';

export function reorderPlans(order: string[]) {
  return apiRequest('/api/admin/plans/order', planList, { method: 'PUT', body: { order } });
}

/** Moves the plans at once on screen; the server's answer (new sort orders) replaces the guess, or a failure undoes it. */
export function useReorderPlans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'plans', 'reorder'],
    mutationFn: reorderPlans,
    onMutate: async (order) => {
      await queryClient.cancelQueries({ queryKey: adminPlansQueryKey });
      const previous = queryClient.getQueryData<{ plans: Plan[] }>(adminPlansQueryKey);
      if (previous) {
        const position = new Map(order.map((id, index) => [id, index]));
        const plans = [...previous.plans].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
        queryClient.setQueryData(adminPlansQueryKey, { plans });
      }
      return { previous };
    },
    onError: (_error, _order, context) => {
      if (context?.previous) queryClient.setQueryData(adminPlansQueryKey, context.previous);
    },
    onSuccess: (data) => queryClient.setQueryData(adminPlansQueryKey, data),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminPlansQueryKey });
      void queryClient.invalidateQueries({ queryKey: pricingQueryKey });
    },
  });
}
