import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AdminDashboard } from '../../../contracts/admin-dashboard';
import type { ChannelDisplayStatus } from '../../../contracts/channels';
import { AnchorLink } from '../../components/router-links';

const STATUSES: { status: ChannelDisplayStatus; label: string; color: string }[] = [
  { status: 'active', label: 'Active', color: 'teal' },
  { status: 'unauthorized', label: 'Unauthorized', color: 'yellow' },
  { status: 'disconnected', label: 'Disconnected', color: 'orange' },
  { status: 'suspended', label: 'Suspended', color: 'red' },
];

const count = new Intl.NumberFormat();

/** Channels used against what active users may have, and how the channels are doing. */
export function ChannelsSummaryCard({ channels }: { channels: AdminDashboard['channels'] }) {
  const share = channels.allowed > 0 ? Math.min(100, (channels.used / channels.allowed) * 100) : 0;
  return (
    <Card component="section" aria-labelledby="channels-summary-title" data-testid="channels-summary">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg" id="channels-summary-title">
          Channels
        </Title>
        <AnchorLink to="/admin/channels" size="sm">
          Open Channels
        </AnchorLink>
      </Group>
      <Stack gap={4} mb="md">
        <Text size="sm" data-testid="channels-used">
          <Text span fw={800} fz="xl">
            {count.format(channels.used)}
          </Text>{' '}
          used of {count.format(channels.allowed)} allowed
          {channels.unlimitedUsers > 0 && ` + ${count.format(channels.unlimitedUsers)} unlimited ${channels.unlimitedUsers === 1 ? 'user' : 'users'}`}
        </Text>
        {channels.allowed > 0 && <Progress value={share} size="sm" color={share >= 90 ? 'orange' : 'teal'} aria-label="Channels used of allowed" />}
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        {STATUSES.map(({ status, label, color }) => (
          <AnchorLink key={status} to="/admin/channels" search={{ status }} underline="never" c="inherit" data-testid={`channels-${status}`}>
            <Stack gap={0} p="xs" style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}>
              <Text fw={800} fz="lg" c={color}>
                {count.format(channels.byStatus[status])}
              </Text>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
            </Stack>
          </AnchorLink>
        ))}
      </SimpleGrid>
    </Card>
  );
}
