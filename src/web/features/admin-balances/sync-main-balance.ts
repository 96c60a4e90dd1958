import { useMutation, useQueryClient } from '@tanstack/react-query';
import { syncResponse } from '../../../contracts/balances';
import { apiRequest } from '../../app/api-client';
import { balancesChanged, balanceSummaryQueryOptions } from './balance-summary-query';

export function syncMainBalance(noticeId: string) {
  return apiRequest('/api/admin/balances/sync', syncResponse, { method: 'POST', body: { noticeId } });
}

export function useSyncMainBalance() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'balances', 'sync'],
    mutationFn: syncMainBalance,
    onSuccess: ({ correction: _correction, ...summary }) => balancesChanged(queryClient, summary),
    // A 409 (a newer notice, or nothing left to sync) means the figures on screen are stale: fetch them again.
    onError: () => queryClient.invalidateQueries({ queryKey: balanceSummaryQueryOptions.queryKey }),
  });
}
