import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planBody, type PlanInput } from '../../../contracts/plans';
import { apiRequest } from '../../app/api-client';
import { planChanged } from './list-admin-plans';

/** Create (no id) or edit (id): both take the whole plan input and answer with the saved plan. */
export function savePlan({ id, input }: { id: string | null; input: PlanInput }) {
  return id
    ? apiRequest(`/api/admin/plans/${encodeURIComponent(id)}`, planBody, { method: 'PUT', body: input })
    : apiRequest('/api/admin/plans', planBody, { method: 'POST', body: input });
}

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'plans', 'save'],
    mutationFn: savePlan,
    onSuccess: ({ plan }) => planChanged(queryClient, plan),
  });
}
