import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createChannelReply, type CreateChannelInput } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { meQueryKey } from '../../app/me-query';
import { channelsQueryKey } from './channel-query-keys';

export function createChannel(body: CreateChannelInput) {
  return apiRequest('/api/channels', createChannelReply, { method: 'POST', body });
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['channels', 'create'],
    mutationFn: createChannel,
    // A refusal (limit reached, service ended) means our guard was stale: refresh it either way.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: channelsQueryKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
