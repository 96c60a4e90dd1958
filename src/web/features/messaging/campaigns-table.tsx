import { Stack, Table, Text } from '@mantine/core';
import type { Campaign } from '../../../contracts/messaging';
import { ListTable } from '../../components/list-table';
import { CampaignButtons, type CampaignControls } from './campaign-controls';
import { CampaignProgressBar } from './campaign-progress-bar';
import { CampaignStatus } from './campaign-status';
import { SentFrom } from './message-cells';
import { formatDateTime } from './messaging-labels';

// The creation time stands under the name, and the message itself in the drawer, so the row fits a laptop screen.
const COLUMNS = ['Campaign', 'Channel', 'Status', 'Progress', 'Actions'] as const;

interface CampaignsTableProps {
  campaigns: Campaign[] | undefined;
  refreshing: boolean;
  controls: CampaignControls;
  onView: (campaign: Campaign) => void;
}

export function CampaignsTable({ campaigns, refreshing, controls, onView }: CampaignsTableProps) {
  return (
    <ListTable
      label="Campaigns"
      columns={COLUMNS}
      items={campaigns}
      refreshing={refreshing}
      minWidth={880}
      skeletonRows={3}
      renderRow={(campaign) => (
        <Table.Tr key={campaign.id} data-testid="campaign-row">
          <Table.Td>
            <Stack gap={2} maw={240}>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {campaign.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Created <time dateTime={campaign.createdAt}>{formatDateTime(campaign.createdAt)}</time>
              </Text>
            </Stack>
          </Table.Td>
          <Table.Td>
            <SentFrom channelName={campaign.channelName} />
          </Table.Td>
          <Table.Td>
            <CampaignStatus campaign={campaign} />
          </Table.Td>
          <Table.Td>
            <CampaignProgressBar campaign={campaign} />
          </Table.Td>
          <Table.Td>
            <CampaignButtons campaign={campaign} controls={controls} onView={onView} compact />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
