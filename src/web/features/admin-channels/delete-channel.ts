import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteChannelReply, IDEMPOTENCY_HEADER } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelApiPath } from '../channels/channel-link-scope';
import { ADMIN_CHANNELS_QUERY_KEY } from '../channels/channel-query-keys';

export interface DeleteChannelInput {
  channelId: string;
  /** One per click (QUALITY L3): two clicks or a retry never refund twice. */
  idempotencyKey: string;
}

export function deleteChannel({ channelId, idempotencyKey }: DeleteChannelInput) {
  return apiRequest(channelApiPath('admin', channelId), deleteChannelReply, {
    method: 'DELETE',
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

export function useDeleteChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'channels', 'delete'],
    mutationFn: deleteChannel,
    // The channel is gone: drop its details rather than refetch them into a 404.
    onSuccess: (_reply, { channelId }) => {
      queryClient.removeQueries({ queryKey: [...ADMIN_CHANNELS_QUERY_KEY, 'details', channelId] });
      queryClient.removeQueries({ queryKey: [...ADMIN_CHANNELS_QUERY_KEY, 'delete-preview', channelId] });
    },
    // The refund moved the main balance: Billing & Balances must show it on its next visit.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ADMIN_CHANNELS_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['admin', 'balances'] }),
      ]),
  });
}
