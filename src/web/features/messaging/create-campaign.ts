import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createCampaignReply, type BulkOptionsReply, type CreateCampaignInput } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { bulkOptionsQueryKey, messagingQueryKey } from './messaging-query-keys';

export function createCampaign(body: CreateCampaignInput) {
  return apiRequest('/api/campaigns', createCampaignReply, { method: 'POST', body });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...messagingQueryKey, 'create-campaign'],
    mutationFn: createCampaign,
    onSuccess: (reply) =>
      queryClient.setQueryData<BulkOptionsReply>(bulkOptionsQueryKey, (current) => (current ? { ...current, usage: reply.usage } : current)),
    // A refusal (limit reached, channel no longer linked) means the meters or channels were stale: refresh either way.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: messagingQueryKey }),
  });
}
