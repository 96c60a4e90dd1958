import { ActionIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { channelTokenReply } from '../../../contracts/channels';
import { apiRequest } from '../../app/api-client';

/**
 * "Copy token" (spec 004): the whole channel token is fetched only when the admin asks for it — the server audits
 * every reveal — and goes straight to the clipboard, never onto the page.
 */
export function CopyTokenButton({ channelId, channelName }: { channelId: string; channelName: string }) {
  const [copied, setCopied] = useState(false);
  const reveal = useMutation({
    mutationFn: () => apiRequest(`/api/admin/channels/${encodeURIComponent(channelId)}/token`, channelTokenReply, { method: 'POST' }),
    onSuccess: async ({ channelToken }) => {
      await navigator.clipboard.writeText(channelToken);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'The token could not be copied', message: error.message }),
  });
  const label = `Copy the channel token of ${channelName}`;
  return (
    <Tooltip label={copied ? 'Token copied' : 'Copy token'} withArrow>
      <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} loading={reveal.isPending} onClick={() => reveal.mutate()} aria-label={label}>
        {copied ? <IconCheck size={14} /> : <IconKey size={14} />}
      </ActionIcon>
    </Tooltip>
  );
}
