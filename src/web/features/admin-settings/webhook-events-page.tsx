import { Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import type { WebhookEventItem, WebhookEventStatus } from '../../../contracts/webhook-events';
import { EmptyState } from '../../components/empty-state';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { ListTable } from '../../components/list-table';
import { TableDash } from '../../components/table-dash';
import { useReplayWebhookEvent, useWebhookEvents } from './webhook-events-query';

const SOURCE_LABELS: Record<WebhookEventItem['source'], string> = { paypal: 'PayPal', whapi_channel: 'WHAPI channel' };
const STATUS_LABELS: Record<WebhookEventStatus, string> = { failed: 'Failed', pending: 'Pending', processed: 'Processed' };
const EMPTY: Record<WebhookEventStatus, { title: string; description: string }> = {
  failed: { title: 'No failed webhook events.', description: 'Events that still fail after every retry are listed here to replay.' },
  pending: { title: 'No pending webhook events.', description: 'Events waiting for their job, or between retries, are listed here.' },
  processed: { title: 'No processed webhook events yet.', description: 'Events from PayPal and WHAPI are listed here once applied.' },
};
const COLUMNS = ['Source', 'Type', 'Subject', 'Received', 'Outcome / error', ''] as const;

const formatTime = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

function ReplayButton({ event }: { event: WebhookEventItem }) {
  const replay = useReplayWebhookEvent();
  const run = () =>
    replay.mutate(event.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: `Event #${event.id} queued again.` }),
      onError: (error) => notifications.show({ color: 'red', title: "Couldn't replay the event", message: error.message }),
    });
  return (
    <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} loading={replay.isPending} onClick={run} aria-label={`Replay event ${event.id}`}>
      Replay
    </Button>
  );
}

function EventRow({ event }: { event: WebhookEventItem }) {
  return (
    <Table.Tr>
      <Table.Td>{SOURCE_LABELS[event.source]}</Table.Td>
      <Table.Td>
        <Text size="xs" ff="monospace">
          {event.eventType}
        </Text>
      </Table.Td>
      <Table.Td>
        {event.subjectRef ? (
          <Text size="xs" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {event.subjectRef}
          </Text>
        ) : (
          <TableDash />
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(event.receivedAt)}</Table.Td>
      <Table.Td miw={180}>
        {event.error ? (
          <Text size="sm" c={event.status === 'failed' ? 'red' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
            {event.error}
          </Text>
        ) : event.outcome ? (
          <Badge variant="light" color="gray">
            {event.outcome}
          </Badge>
        ) : (
          <TableDash />
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{event.status === 'failed' ? <ReplayButton event={event} /> : null}</Table.Td>
    </Table.Tr>
  );
}

/** Admin → Settings → Webhooks (QUALITY W4): stored inbound events by state; a failed one can be replayed once. */
export function WebhookEventsPage() {
  const [status, setStatus] = useState<WebhookEventStatus>('failed');
  const [page, setPage] = useState(1);
  const events = useWebhookEvents({ status, page });
  const counts = events.data?.counts;
  const choose = (next: string) => {
    setStatus(next as WebhookEventStatus);
    setPage(1);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Text fw={600}>Webhook events</Text>
          <Text size="sm" c="dimmed">
            Events from PayPal and WHAPI are retried with growing waits for about an hour; the ones that still fail land here.
          </Text>
        </div>
      </Group>
      <SegmentedControl
        value={status}
        onChange={choose}
        aria-label="Event state"
        data={(Object.keys(STATUS_LABELS) as WebhookEventStatus[]).map((value) => ({
          value,
          label: counts ? `${STATUS_LABELS[value]} (${counts[value]})` : STATUS_LABELS[value],
        }))}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
      />
      <Card padding={0}>
        <ListResults
          query={events}
          errorTitle="Couldn't load the webhook events"
          isEmpty={(result) => result.items.length === 0}
          empty={<EmptyState icon={<IconCircleCheck size={28} />} {...EMPTY[status]} />}
        >
          <ListTable
            label={`${STATUS_LABELS[status]} webhook events`}
            columns={COLUMNS}
            items={events.data?.items}
            refreshing={events.isPlaceholderData}
            minWidth={860}
            renderRow={(event) => <EventRow key={event.id} event={event} />}
          />
        </ListResults>
      </Card>
      <ListPagination data={events.data} page={page} onPageChange={setPage} noun={{ one: 'event', many: 'events' }} label="Webhook event pages" testId="webhook-events-total" />
    </Stack>
  );
}
