import type { OutboxMessage } from '../../../contracts/messaging';
import { ListTable } from '../../components/list-table';
import { MessageRow } from './message-cells';

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
      renderRow={(message) => <MessageRow key={message.id} message={message} testId="outbox-row" messageWidth={260} />}
    />
  );
}
