import { useMutation, useQueryClient } from '@tanstack/react-query';
import { leadBody, type UpdateLeadBody } from '../../../contracts/leads';
import { apiRequest } from '../../app/api-client';
import { leadsQueryKey } from './list-leads';

export function updateLead(id: string, body: UpdateLeadBody) {
  return apiRequest(`/api/admin/leads/${encodeURIComponent(id)}`, leadBody, { method: 'PATCH', body });
}

export function useUpdateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'leads', 'update'],
    mutationFn: ({ id, body }: { id: string; body: UpdateLeadBody }) => updateLead(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadsQueryKey }),
  });
}
