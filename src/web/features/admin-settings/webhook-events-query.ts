import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { replayWebhookEventReply, webhookEventPage, type WebhookEventStatus } from '../../../contracts/webhook-events';
import { apiRequest } from '../../app/api-client';

export const webhookEventsQueryKey = ['admin', 'webhook-events'] as const;

export function listWebhookEvents(query: { status: WebhookEventStatus; page: number }, signal?: AbortSignal) {
  const params = new URLSearchParams({ status: query.status, page: String(query.page), pageSize: '25' });
  return apiRequest(`/api/admin/webhook-events?${params}`, webhookEventPage, { signal });
}

export function webhookEventsQueryOptions(query: { status: WebhookEventStatus; page: number }) {
  return queryOptions({
    queryKey: [...webhookEventsQueryKey, query],
    queryFn: ({ signal }) => listWebhookEvents(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWebhookEvents(query: { status: WebhookEventStatus; page: number }) {
  return useQuery(webhookEventsQueryOptions(query));
}

export function replayWebhookEvent(id: number) {
  return apiRequest(`/api/admin/webhook-events/${id}/replay`, replayWebhookEventReply, { method: 'POST', body: {} });
}

export function useReplayWebhookEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...webhookEventsQueryKey, 'replay'],
    mutationFn: replayWebhookEvent,
    // Replayed or refused (already replayed by someone else): either way the counts and list have moved.
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookEventsQueryKey }),
  });
}
