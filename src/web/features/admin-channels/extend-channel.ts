import { useMutation, useQueryClient } from '@tanstack/react-query';
import { extendChannelReply, IDEMPOTENCY_HEADER } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelApiPath } from '../channels/channel-link-scope';
import { ADMIN_CHANNELS_QUERY_KEY } from '../channels/channel-query-keys';

export interface ExtendChannelInput {
  channelId: string;
  days: number;
  /** One per click (QUALITY L3): a retried request returns the first answer instead of allocating twice. */
  idempotencyKey: string;
}

export function extendChannel({ channelId, days, idempotencyKey }: ExtendChannelInput) {
  return apiRequest(`${channelApiPath('admin', channelId)}/extend`, extendChannelReply, {
    method: 'POST',
    body: { days },
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });
}

/** "Activate (N days)" / "Extend Days": WHAPI extend, then the main balance pays for it. */
export function useExtendChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['admin', 'channels', 'extend'],
    mutationFn: extendChannel,
    // Even a refusal may follow a change elsewhere (another admin, a top-up): refresh either way.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ADMIN_CHANNELS_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['admin', 'balances'] }),
      ]),
  });
}
