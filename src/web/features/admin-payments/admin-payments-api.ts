import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminPaymentBody, adminPaymentPage, type PaymentStatus } from '../../../contracts/payments';

export interface AdminPaymentsQuery {
  status: PaymentStatus;
  page: number;
  pageSize: number;
}
import { apiRequest } from '../../app/api-client';

export const adminPaymentsQueryKey = ['admin', 'payments'] as const;

export function adminPaymentsQueryOptions(query: AdminPaymentsQuery) {
  return queryOptions({
    queryKey: [...adminPaymentsQueryKey, query],
    queryFn: ({ signal }) => apiRequest('/api/admin/payments', adminPaymentPage, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminPayments(query: AdminPaymentsQuery) {
  return useQuery(adminPaymentsQueryOptions(query));
}

export type Decision = { kind: 'approve'; id: string; days: number } | { kind: 'reject'; id: string; reason: string };

export function useDecidePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'payments', 'decide'],
    mutationFn: (decision: Decision) =>
      apiRequest(`/api/admin/payments/${encodeURIComponent(decision.id)}/${decision.kind}`, adminPaymentBody, {
        method: 'POST',
        body: decision.kind === 'approve' ? { days: decision.days } : { reason: decision.reason },
      }),
    // A 409 means someone else decided it: refresh either way, so the row moves to its tab.
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminPaymentsQueryKey }),
  });
}
