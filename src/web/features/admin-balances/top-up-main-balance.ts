import { useMutation, useQueryClient } from '@tanstack/react-query';
import { balanceSummary, type TopUpInput } from '../../../contracts/balances';
import { apiRequest } from '../../app/api-client';
import { balancesChanged } from './balance-summary-query';

export function topUpMainBalance(input: TopUpInput) {
  return apiRequest('/api/admin/balances/topup', balanceSummary, { method: 'POST', body: input });
}

export function useTopUpMainBalance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'balances', 'topup'],
    mutationFn: topUpMainBalance,
    onSuccess: (summary) => balancesChanged(queryClient, summary),
  });
}
