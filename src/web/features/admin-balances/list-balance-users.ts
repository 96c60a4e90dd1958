import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { balanceUsersPage, type BalanceUsersQuery } from '../../../contracts/balances';
import { apiRequest } from '../../app/api-client';
import { balancesQueryKey } from './balance-summary-query';

export function listBalanceUsers(query: BalanceUsersQuery, signal?: AbortSignal) {
  return apiRequest('/api/admin/balances/users', balanceUsersPage, { query: { ...query }, signal });
}

export function balanceUsersQueryOptions(query: BalanceUsersQuery) {
  return queryOptions({
    queryKey: [...balancesQueryKey, 'users', query],
    queryFn: ({ signal }) => listBalanceUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useBalanceUsers(query: BalanceUsersQuery) {
  return useQuery(balanceUsersQueryOptions(query));
}
