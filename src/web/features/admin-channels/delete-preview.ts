import { queryOptions, useQuery } from '@tanstack/react-query';
import { deletePreviewReply } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';
import { channelApiPath } from '../channels/channel-link-scope';
import { ADMIN_CHANNELS_QUERY_KEY } from '../channels/channel-query-keys';

/** What a delete would refund right now: max(0, floor(remaining seconds / 86400)) days. */
export function deletePreviewQueryOptions(channelId: string) {
  return queryOptions({
    queryKey: [...ADMIN_CHANNELS_QUERY_KEY, 'delete-preview', channelId],
    queryFn: ({ signal }) => apiRequest(`${channelApiPath('admin', channelId)}/delete-preview`, deletePreviewReply, { signal }),
    staleTime: 0,
  });
}

export function useDeletePreview(channelId: string | null) {
  return useQuery({ ...deletePreviewQueryOptions(channelId ?? ''), enabled: channelId !== null });
}
