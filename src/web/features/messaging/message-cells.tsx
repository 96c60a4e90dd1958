import { Group, Stack, Table, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import type { OutboxMessage } from '../../../contracts/messaging';
import { TableDash } from '../../components/table-dash';
import { formatDateTime, formatEventTime } from './messaging-labels';
import { MessageStatusBadge } from './message-status-badge';

// Table cells shared by Recent messages, the Outbox and a campaign's messages, so the three read alike.

/** A message's text cut to one line; the whole text on hover. */
export function MessageText({ body, width = 280 }: { body: string; width?: number }) {
  return (
    <Text size="sm" maw={width} truncate="end" title={body}>
      {body}
    </Text>
  );
}

type Timeline = Pick<OutboxMessage, 'status' | 'error' | 'createdAt' | 'sentAt' | 'deliveredAt' | 'readAt'>;

/**
 * The status, then when it was sent, delivered and read (as far as it got), and WHAPI's reason under a failed one.
 * The times sit under the badge rather than in columns of their own so the Outbox fits a laptop screen.
 */
export function MessageStatus({ message }: { message: Timeline }) {
  const steps = [
    { label: 'Sent', at: message.sentAt },
    { label: 'Delivered', at: message.deliveredAt },
    { label: 'Read', at: message.readAt },
  ].filter((step): step is { label: string; at: string } => step.at !== null);
  return (
    <Stack gap={4} align="flex-start">
      <MessageStatusBadge status={message.status} error={message.error} />
      {steps.length > 0 && (
        <Stack gap={0} data-testid="message-times">
          {steps.map((step) => (
            <Text key={step.label} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {step.label}{' '}
              <time dateTime={step.at} title={formatDateTime(step.at)}>
                {formatEventTime(step.at, message.createdAt)}
              </time>
            </Text>
          ))}
        </Stack>
      )}
      {message.status === 'failed' && message.error && (
        <Text size="xs" c="red" maw={240} lineClamp={2} title={message.error} data-testid="message-error">
          {message.error}
        </Text>
      )}
    </Stack>
  );
}

/** A point in time, or the dimmed dash when it has not happened (yet). */
export function When({ at }: { at: string | null }) {
  if (!at) return <TableDash />;
  return (
    <Text size="sm" component="time" dateTime={at} style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(at)}
    </Text>
  );
}

/** The recipient in a fixed-width face, never wrapped. */
export function Recipient({ to }: { to: string }) {
  return (
    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
      {to}
    </Text>
  );
}

/** The channel a message went out on and, for a bulk message, its campaign beneath. */
export function SentFrom({ channelName, campaignName }: { channelName: string; campaignName?: string | null }) {
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {channelName}
      </Text>
      {campaignName && (
        <Group gap={4} wrap="nowrap" maw={200} title={`Campaign: ${campaignName}`}>
          <IconUsersGroup size={12} color="var(--mantine-color-dimmed)" aria-hidden style={{ flexShrink: 0 }} />
          <Text size="xs" c="dimmed" truncate="end" aria-label={`Campaign ${campaignName}`}>
            {campaignName}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

/** One message as a row of the Recent messages and Outbox tables (columns Created, To, Channel, Message, Status). */
export function MessageRow({ message, testId, messageWidth }: { message: OutboxMessage; testId: string; messageWidth?: number }) {
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td>
        <When at={message.createdAt} />
      </Table.Td>
      <Table.Td>
        <Recipient to={message.to} />
      </Table.Td>
      <Table.Td>
        <SentFrom channelName={message.channelName} campaignName={message.campaignName} />
      </Table.Td>
      <Table.Td>
        <MessageText body={message.body} {...(messageWidth ? { width: messageWidth } : {})} />
      </Table.Td>
      <Table.Td>
        <MessageStatus message={message} />
      </Table.Td>
    </Table.Tr>
  );
}
