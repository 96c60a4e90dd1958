import { Badge, Button, Divider, Drawer, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconQrcode, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { AdminChannel, AdminChannelDetails } from '../../../contracts/channels';
import { LoadError } from '../../components/load-error';
import { AUTH_STATUS_LABELS, BILLING_STATUS_COLORS, BILLING_STATUS_LABELS, daysLabel, formatDate, formatDateTime } from '../channels/channel-labels';
import { ChannelStatusBadge } from '../channels/channel-status-badge';
import { ChannelAuditList } from './channel-audit-list';
import { CopyTokenButton } from './copy-token-button';
import { CopyValueButton } from './copy-value-button';
import { useAdminChannel } from './find-admin-channel';

function Field({ label, children, copy }: { label: string; children: ReactNode; copy?: string }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <Text size="sm" component="div" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {children}
        </Text>
        {copy && <CopyValueButton value={copy} label={`Copy ${label.toLowerCase()}`} />}
      </Group>
    </Stack>
  );
}

function when(iso: string | null): string {
  return iso ? formatDateTime(iso) : 'Never';
}

function Counter({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0}>
      <Text fw={700} fz="lg">
        {value.toLocaleString()}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

export interface DrawerActions {
  onReauthorize: (channel: AdminChannel) => void;
  onExtend: (channel: AdminChannel, mainBalanceDays: number) => void;
  onDelete: (channel: AdminChannel) => void;
}

function Details({ details, actions }: { details: AdminChannelDetails; actions: DrawerActions }) {
  const { channel } = details;
  const pending = channel.status === 'pending';
  return (
    <Stack gap="md">
      <Group gap="xs">
        <ChannelStatusBadge status={channel.displayStatus} />
        <Badge variant="dot" color={BILLING_STATUS_COLORS[channel.status]}>
          {BILLING_STATUS_LABELS[channel.status]}
        </Badge>
        {channel.mode && <Badge variant="outline" color="gray">{channel.mode}</Badge>}
      </Group>
      <Group gap="xs">
        <Button size="xs" leftSection={<IconCalendarPlus size={14} />} onClick={() => actions.onExtend(channel, details.mainBalanceDays)}>
          {pending ? `Activate (${daysLabel(channel.periodDays)})` : 'Extend Days'}
        </Button>
        <Button size="xs" variant="light" leftSection={<IconQrcode size={14} />} onClick={() => actions.onReauthorize(channel)}>
          Re-authorize
        </Button>
        <Button size="xs" variant="light" color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.onDelete(channel)}>
          Delete
        </Button>
      </Group>
      <Divider />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md">
        <Field label="Phone">{channel.phone ?? '—'}</Field>
        <Field label="Channel ID" copy={channel.channelRef}>
          <Text span ff="monospace" size="sm">
            {channel.channelRef}
          </Text>
        </Field>
        <Field label="User">
          {channel.user.name}
          <Text size="xs" c="dimmed">
            {channel.user.email}
            {channel.user.banned && ' · banned'}
          </Text>
        </Field>
        <Field label="Token">
          <Group gap={4} wrap="nowrap" component="span">
            <Text span ff="monospace" size="sm">
              ••••{channel.tokenLast4}
            </Text>
            <CopyTokenButton channelId={channel.id} channelName={channel.name} />
          </Group>
        </Field>
        <Field label="Status">{BILLING_STATUS_LABELS[channel.status]}</Field>
        <Field label="Auth state">{AUTH_STATUS_LABELS[channel.authStatus]}</Field>
        <Field label="Expires on">
          {channel.expiresAt ? `${formatDate(channel.expiresAt)} (${daysLabel(channel.daysLeft)} left)` : 'Not allocated yet'}
        </Field>
        <Field label="Active from">{channel.activeFrom ? formatDateTime(channel.activeFrom) : '—'}</Field>
        <Field label="Last heartbeat">
          {when(channel.lastHeartbeatAt)}
          {details.lastHealth && (
            <Text size="xs" c="dimmed">
              Health: {details.lastHealth}
            </Text>
          )}
        </Field>
        <Field label="Last message">{when(details.lastMessageAt)}</Field>
        <Field label="Created">{formatDateTime(channel.createdAt)}</Field>
        <Field label="Main balance">{daysLabel(details.mainBalanceDays)}</Field>
      </SimpleGrid>
      <Field label="Webhook URL" copy={details.webhookUrl}>
        <Text span ff="monospace" size="xs">
          {details.webhookUrl}
        </Text>
        <Text size="xs" c={details.webhookError ? 'red' : 'dimmed'}>
          {details.webhookError
            ? `Registration failed: ${details.webhookError}`
            : details.webhookRegisteredAt
              ? `Registered with WHAPI on ${formatDateTime(details.webhookRegisteredAt)}`
              : 'Not registered with WHAPI yet'}
        </Text>
      </Field>
      <Divider />
      <Title order={3} fz="sm">
        Counters
      </Title>
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="md">
        <Counter label="Events received" value={details.counters.eventsReceived} />
        <Counter label="Messages received" value={details.counters.messagesReceived} />
        <Counter label="Statuses received" value={details.counters.statusesReceived} />
        <Counter label="Days allocated" value={details.counters.daysAllocated} />
        <Counter label="Extensions" value={details.counters.extensions} />
        <Counter label="Refund if deleted now" value={details.refundDays} />
      </SimpleGrid>
      <Divider />
      <Title order={3} fz="sm">
        Recent activity
      </Title>
      <ChannelAuditList entries={details.recentAudit} />
    </Stack>
  );
}

/** Admin → Channels → View: everything about one channel, and what an admin can do to it. */
export function AdminChannelDrawer({ channelId, onClose, actions }: { channelId: string | null; onClose: () => void; actions: DrawerActions }) {
  const details = useAdminChannel(channelId);
  const data = channelId && details.data?.channel.id === channelId ? details.data : undefined;
  return (
    <Drawer opened={channelId !== null} onClose={onClose} position="right" size="lg" title={data ? data.channel.name : 'Channel'}>
      {details.isError && !data ? (
        <LoadError title="Couldn't load this channel" message={details.error.message} retrying={details.isFetching} onRetry={() => void details.refetch()} />
      ) : data ? (
        <Details details={data} actions={actions} />
      ) : (
        <Stack gap="md" role="status" aria-label="Loading channel">
          <Skeleton height={24} width="40%" />
          <Skeleton height={30} />
          <Skeleton height={220} />
        </Stack>
      )}
    </Drawer>
  );
}
