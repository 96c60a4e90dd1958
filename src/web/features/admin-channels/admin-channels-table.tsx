import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { AdminChannel } from '../../../contracts/channels';
import { ListTable } from '../../components/list-table';
import { formatDate, formatTime } from '../channels/channel-labels';
import { ChannelStatusBadge } from '../channels/channel-status-badge';
import { CopyTokenButton } from './copy-token-button';
import { CopyValueButton } from './copy-value-button';

const COLUMNS = ['Name', 'User', 'Phone', 'Channel token', 'Status', 'Created', 'Actions'] as const;

interface RowActions {
  onView: (channel: AdminChannel) => void;
  onDelete: (channel: AdminChannel) => void;
  onFilterUser: (channel: AdminChannel) => void;
}

function ChannelRow({ channel, onView, onDelete, onFilterUser }: { channel: AdminChannel } & RowActions) {
  return (
    <Table.Tr data-testid="admin-channel-row">
      <Table.Td>
        <Anchor component="button" type="button" fw={500} size="sm" onClick={() => onView(channel)} style={{ overflowWrap: 'anywhere', textAlign: 'left' }}>
          {channel.name}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => onFilterUser(channel)}
            title={`Show only ${channel.user.email}'s channels`}
            style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
          >
            {channel.user.email}
          </Anchor>
          {channel.user.banned && (
            <Text size="xs" c="red">
              Banned
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" ff="monospace">
          {channel.phone ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" ff="monospace" data-testid="channel-ref">
            {channel.channelRef}
          </Text>
          <CopyValueButton value={channel.channelRef} label={`Copy channel ID ${channel.channelRef}`} />
        </Group>
        {/* Lists show the token's last four characters; "Copy token" fetches it on request (audited). */}
        <Group gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed" ff="monospace">
            token ••••{channel.tokenLast4}
          </Text>
          <CopyTokenButton channelId={channel.id} channelName={channel.name} />
        </Group>
      </Table.Td>
      <Table.Td>
        <ChannelStatusBadge status={channel.displayStatus} size="sm" />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={channel.createdAt}>
          <Text size="sm">{formatDate(channel.createdAt)}</Text>
          <Text size="xs" c="dimmed">
            {formatTime(channel.createdAt)}
          </Text>
        </time>
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => onView(channel)} aria-label={`View ${channel.name}`}>
            View
          </Button>
          <Text span c="dimmed" aria-hidden>
            •
          </Text>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onDelete(channel)} aria-label={`Delete ${channel.name}`}>
            Delete
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

interface AdminChannelsTableProps extends RowActions {
  channels: AdminChannel[] | undefined;
  refreshing: boolean;
}

export function AdminChannelsTable({ channels, refreshing, ...actions }: AdminChannelsTableProps) {
  return (
    <ListTable
      label="Channels"
      columns={COLUMNS}
      items={channels}
      refreshing={refreshing}
      minWidth={940}
      horizontalSpacing="xs"
      renderRow={(channel) => <ChannelRow key={channel.id} channel={channel} {...actions} />}
    />
  );
}
