import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendMessageReply, type SendOptionsReply, type SendMessageInput } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { messagingQueryKey, sendOptionsQueryKey } from './messaging-query-keys';

const RECENT_SIZE = 10;

export function sendMessage(body: SendMessageInput) {
  return apiRequest('/api/messages', sendMessageReply, { method: 'POST', body });
}

export function useSendMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...messagingQueryKey, 'send'],
    mutationFn: sendMessage,
    // The new message and the usage it consumed show at once, before the refetch below answers.
    onSuccess: (reply) =>
      queryClient.setQueryData<SendOptionsReply>(sendOptionsQueryKey, (current) =>
        current
          ? {
              ...current,
              usage: reply.usage,
              recent: [reply.message, ...current.recent.filter((message) => message.id !== reply.message.id)].slice(0, RECENT_SIZE),
            }
          : current,
      ),
    // A refusal (limit reached, channel no longer linked) means what we showed was stale: refresh it either way.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: messagingQueryKey }),
  });
}
