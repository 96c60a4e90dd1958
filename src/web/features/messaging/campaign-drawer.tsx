import { Divider, Drawer, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Campaign } from '../../../contracts/messaging';
import { Fact } from '../../components/fact';
import { LoadError } from '../../components/load-error';
import { CampaignButtons, type CampaignControls } from './campaign-controls';
import { CampaignMessages } from './campaign-messages';
import { CampaignProgressBar } from './campaign-progress-bar';
import { CampaignStatus } from './campaign-status';
import { useCampaign } from './find-campaign';
import { formatCount, formatDateTime } from './messaging-labels';

interface CampaignDrawerProps {
  /** The campaign as the table had it, shown at once while its latest state loads; null keeps the drawer closed. */
  campaign: Campaign | null;
  controls: CampaignControls;
  onClose: () => void;
}

/** A campaign in full: where it stands, its settings and message, and each recipient's message. */
export function CampaignDrawer({ campaign: listed, controls, onClose }: CampaignDrawerProps) {
  const details = useCampaign(listed?.id ?? null);
  const campaign = details.data?.campaign ?? listed;

  return (
    <Drawer opened={listed !== null} onClose={onClose} position="right" size="lg" title={campaign?.name ?? 'Campaign'}>
      {campaign && (
        <Stack gap="md">
          {details.isError && (
            <LoadError title="Couldn't refresh this campaign" message={details.error.message} retrying={details.isFetching} onRetry={() => void details.refetch()} />
          )}
          <Group justify="space-between" align="flex-start" gap="sm">
            <CampaignStatus campaign={campaign} />
            <CampaignButtons campaign={campaign} controls={controls} />
          </Group>
          <CampaignProgressBar campaign={campaign} withLegend />
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
            <Fact label="Channel">{campaign.channelName}</Fact>
            <Fact label="Recipients">{formatCount(campaign.total)}</Fact>
            <Fact label="Pacing">{campaign.intervalSeconds === 0 ? 'As fast as WhatsApp allows' : `${campaign.intervalSeconds} s between messages`}</Fact>
            <Fact label="Created">{formatDateTime(campaign.createdAt)}</Fact>
            <Fact label="Finished">{campaign.completedAt ? formatDateTime(campaign.completedAt) : '—'}</Fact>
          </SimpleGrid>
          <Fact label="Message">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {campaign.body}
            </Text>
          </Fact>
          <Divider />
          <CampaignMessages key={campaign.id} campaignId={campaign.id} />
        </Stack>
      )}
    </Drawer>
  );
}
