import { Stack, Text } from '@mantine/core';
import type { Campaign } from '../../../contracts/messaging';
import { CampaignStatusBadge } from './campaign-status-badge';

/** The campaign's state, with why it stopped or waits (channel unlinked, daily limit, WHAPI's error) under it. */
export function CampaignStatus({ campaign }: { campaign: Pick<Campaign, 'status' | 'pausedReason'> }) {
  return (
    <Stack gap={4} align="flex-start">
      <CampaignStatusBadge status={campaign.status} />
      {campaign.pausedReason && (
        <Text size="xs" c={campaign.status === 'paused' ? 'orange' : 'dimmed'} maw={260} data-testid="campaign-paused-reason">
          {campaign.pausedReason}
        </Text>
      )}
    </Stack>
  );
}
