import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { outboxPage, type OutboxQuery } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { hasSettlingMessages, POLL_MS } from './message-polling';
import { outboxQueryKey } from './messaging-query-keys';

export function listOutbox(query: OutboxQuery, signal?: AbortSignal) {
  return apiRequest('/api/outbox', outboxPage, { query: { ...query }, signal });
}

export function outboxQueryOptions(query: OutboxQuery) {
  return queryOptions({
    queryKey: [...outboxQueryKey, query],
    queryFn: ({ signal }) => listOutbox(query, signal),
    // Keep the current page on screen while the next one loads, so the table doesn't jump.
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (hasSettlingMessages(q.state.data?.items) ? POLL_MS : false),
  });
}

/** A page of the caller's outgoing messages (Outbox, and one campaign's messages in its drawer). */
export function useOutbox(query: OutboxQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...outboxQueryOptions(query), enabled });
}
