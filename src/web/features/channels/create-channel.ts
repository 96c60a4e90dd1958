import { useMutation, useQueryClient } from '@tanstack/react-query';
import { adminCreateChannelReply, createChannelReply, type CreateChannelInput } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { meQueryKey } from '../../app/me-query';
import { channelsQueryKey } from './channel-query-keys';

export function createChannel(body: CreateChannelInput) {
  return apiRequest('/api/channels', createChannelReply, { method: 'POST', body });
}

/** An admin creates a channel for a user (DOMAIN.md "Channels": the same guards, checked for that user). */
export function createChannelForUser(userId: string, body: CreateChannelInput) {
  return apiRequest('/api/admin/channels', adminCreateChannelReply, { method: 'POST', body: { ...body, userId } });
}

/** The user's own "Add Channel", or an admin's for `forUserId`. */
export function useCreateChannel(forUserId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['channels', 'create', forUserId ?? 'me'],
    mutationFn: (body: CreateChannelInput) => (forUserId ? createChannelForUser(forUserId, body) : createChannel(body)),
    // A refusal (limit reached, service ended) means our guard was stale: refresh it either way.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: channelsQueryKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      if (forUserId) void queryClient.invalidateQueries({ queryKey: ['admin'] });
    },
  });
}
