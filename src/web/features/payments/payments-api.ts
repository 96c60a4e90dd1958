import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { paymentBody, paymentList, type PaymentStatus } from '../../../contracts/payments';
import { apiRequest } from '../../app/api-client';

export const paymentsQueryKey = ['payments'] as const;

export const ownPaymentsQueryOptions = queryOptions({
  queryKey: paymentsQueryKey,
  queryFn: ({ signal }) => apiRequest('/api/payments', paymentList, { signal }),
});

export function useOwnPayments() {
  return useQuery(ownPaymentsQueryOptions);
}

export interface OfflinePaymentInput {
  planId: string;
  reference: string;
  proof: File;
}

export function useSubmitOfflinePayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['payments', 'offline'],
    mutationFn: ({ planId, reference, proof }: OfflinePaymentInput) => {
      const form = new FormData();
      form.set('planId', planId);
      form.set('reference', reference);
      form.set('proof', proof, proof.name);
      return apiRequest('/api/payments/offline', paymentBody, { method: 'POST', form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentsQueryKey }),
  });
}

/** Where a proof is read; `inline` shows a picture in an <img> (the server still sends it sandboxed). */
export function proofUrl(paymentId: string, inline = false): string {
  return `/api/payments/${encodeURIComponent(paymentId)}/proof${inline ? '?inline=1' : ''}`;
}

export const STATUS_LABELS: Record<PaymentStatus, { label: string; color: string }> = {
  pending: { label: 'Pending review', color: 'yellow' },
  approved: { label: 'Approved', color: 'green' },
  rejected: { label: 'Rejected', color: 'red' },
};
