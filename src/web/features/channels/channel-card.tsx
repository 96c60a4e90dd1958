import { Badge, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconQrcode } from '@tabler/icons-react';
import type { UserChannel } from '../../../contracts/channels';
import { Fact } from '../../components/fact';
import { GuardedButton } from '../../components/guarded-button';
import { AUTH_STATUS_LABELS, BILLING_STATUS_COLORS, BILLING_STATUS_LABELS, daysLabel, formatDate, formatDateTime } from './channel-labels';
import { ChannelStatusBadge } from './channel-status-badge';

function clockNote(channel: UserChannel): string {
  if (channel.status === 'pending') return 'Days have not been allocated yet. The channel clock starts when they are.';
  const since = channel.activeFrom ? ` (since ${formatDateTime(channel.activeFrom)})` : '';
  return `Channel days run from the time they were allocated${since}, whether or not the phone is linked.`;
}

/** One channel on the user's Channels page (DOMAIN.md "Channels", "Channel clock"). */
export function ChannelCard({ channel, onShowQr }: { channel: UserChannel; onShowQr: (channel: UserChannel) => void }) {
  return (
    <Card component="article" aria-label={`Channel ${channel.name}`} data-testid="channel-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
            {channel.name}
          </Title>
          <Text size="sm" c="dimmed" ff="monospace">
            {channel.phone ?? 'No number yet'}
          </Text>
        </Stack>
        <ChannelStatusBadge status={channel.displayStatus} />
      </Group>
      <Group gap={6} mt="xs">
        <Badge size="sm" variant="dot" color={BILLING_STATUS_COLORS[channel.status]}>
          {BILLING_STATUS_LABELS[channel.status]}
        </Badge>
        <Badge size="sm" variant="dot" color={channel.authStatus === 'authorized' ? 'teal' : 'gray'}>
          {AUTH_STATUS_LABELS[channel.authStatus]}
        </Badge>
      </Group>
      <Divider my="md" />
      <SimpleGrid cols={2} spacing="md">
        <Fact strong label="Expires on" testId="channel-expires">
          {channel.expiresAt ? formatDate(channel.expiresAt) : '—'}
        </Fact>
        <Fact strong label="Days left" testId="channel-days-left">
          {channel.status === 'pending' ? '—' : daysLabel(channel.daysLeft)}
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt="md">
        {clockNote(channel)}
      </Text>
      <Group justify="flex-end" mt="md">
        <GuardedButton
          variant={channel.authStatus === 'authorized' ? 'default' : 'filled'}
          leftSection={<IconQrcode size={16} />}
          blockedReason={channel.qr.available ? null : (channel.qr.reason ?? 'The QR code is not available right now.')}
          onClick={() => onShowQr(channel)}
        >
          Show QR
        </GuardedButton>
      </Group>
      {!channel.qr.available && channel.qr.reason && (
        <Text size="xs" c="dimmed" ta="right" mt={6} data-testid="qr-blocked-reason">
          {channel.qr.reason}
        </Text>
      )}
    </Card>
  );
}
