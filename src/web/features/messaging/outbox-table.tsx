import { Table } from '@mantine/core';
import type { OutboxMessage } from '../../../contracts/messaging';
import { ListTable } from '../../components/list-table';
import { MessageStatus, MessageText, Recipient, SentFrom, When } from './message-cells';

// Sent, delivered and read times stand under the status, and the campaign under the channel: the whole row fits a
// 1280 px screen without scrolling sideways.
const COLUMNS = ['Created', 'To', 'Channel', 'Message', 'Status'] as const;

export function OutboxTable({ messages, refreshing }: { messages: OutboxMessage[] | undefined; refreshing: boolean }) {
  return (
    <ListTable
      label="Outbox"
      columns={COLUMNS}
      items={messages}
      refreshing={refreshing}
      minWidth={860}
      renderRow={(message) => (
        <Table.Tr key={message.id} data-testid="outbox-row">
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
            <MessageText body={message.body} width={260} />
          </Table.Td>
          <Table.Td>
            <MessageStatus message={message} />
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}
