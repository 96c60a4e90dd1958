import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignReply } from '../../../contracts/messaging';
import { apiRequest } from '../../app/api-client';
import { campaignQueryKey, messagingQueryKey } from './messaging-query-keys';

export type CampaignAction = 'pause' | 'resume' | 'cancel';

export function runCampaignAction(id: string, action: CampaignAction) {
  return apiRequest(`/api/campaigns/${encodeURIComponent(id)}/${action}`, campaignReply, { method: 'POST' });
}

/** Pause, resume or cancel a campaign; the server answers 409 when its state no longer allows it. */
export function useCampaignAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...messagingQueryKey, 'campaign-action'],
    mutationFn: ({ id, action }: { id: string; action: CampaignAction }) => runCampaignAction(id, action),
    onSuccess: (reply) => queryClient.setQueryData(campaignQueryKey(reply.campaign.id), reply),
    // A 409 means our copy of the campaign was stale; a success moves its messages (cancelled) and the usage.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: messagingQueryKey }),
  });
}
