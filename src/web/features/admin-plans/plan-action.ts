import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planBody } from '../../../contracts/plans';
import { apiRequest } from '../../app/api-client';
import { planChanged } from './list-admin-plans';

export type PlanAction = 'publish' | 'unpublish' | 'duplicate' | 'archive' | 'unarchive';

/** The one-click plan actions: POST /api/admin/plans/:id/<action> with an empty body. */
export function runPlanAction({ id, action }: { id: string; action: PlanAction }) {
  return apiRequest(`/api/admin/plans/${encodeURIComponent(id)}/${action}`, planBody, { method: 'POST' });
}

export function usePlanAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'plans', 'action'],
    mutationFn: runPlanAction,
    onSuccess: ({ plan }) => planChanged(queryClient, plan),
  });
}
