import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { balanceSummary, type BalanceSummary } from '../../../contracts/balances';
import { apiRequest } from '../../app/api-client';
import { whapiStatusQueryKey } from '../../app/whapi-status-query';

export const balancesQueryKey = ['admin', 'balances'] as const;

export const balanceSummaryQueryOptions = queryOptions({
  queryKey: [...balancesQueryKey, 'summary'],
  queryFn: ({ signal }) => apiRequest('/api/admin/balances/summary', balanceSummary, { signal }),
  // Partner notices arrive by webhook at any time, like the header's partner balance (whapi-status-query.ts).
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
});

export function useBalanceSummary() {
  return useQuery(balanceSummaryQueryOptions);
}

/** After a top-up or sync: the new summary at once, then the ledger, the users and the header refreshed. */
export async function balancesChanged(queryClient: QueryClient, summary: BalanceSummary): Promise<void> {
  queryClient.setQueryData(balanceSummaryQueryOptions.queryKey, summary);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: balancesQueryKey, predicate: (query) => query.queryKey[2] !== 'summary' }),
    queryClient.invalidateQueries({ queryKey: whapiStatusQueryKey }),
  ]);
}
