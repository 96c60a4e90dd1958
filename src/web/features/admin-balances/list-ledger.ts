import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { ledgerPage, type LedgerFilters, type LedgerQuery } from '../../../contracts/balances';
import { apiRequest } from '../../app/api-client';
import { balancesQueryKey } from './balance-summary-query';

export function listLedger(query: LedgerQuery, signal?: AbortSignal) {
  return apiRequest('/api/admin/balances/transactions', ledgerPage, { query: { ...query }, signal });
}

export function ledgerQueryOptions(query: LedgerQuery) {
  return queryOptions({
    queryKey: [...balancesQueryKey, 'transactions', query],
    queryFn: ({ signal }) => listLedger(query, signal),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
  });
}

export function useLedger(query: LedgerQuery) {
  return useQuery(ledgerQueryOptions(query));
}

/** The export link: the same filters as the table, answered by the server as a CSV attachment. */
export function ledgerCsvUrl(filters: LedgerFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `/api/admin/balances/transactions.csv${search ? `?${search}` : ''}`;
}
