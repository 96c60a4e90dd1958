import { Card, Group, Title } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import type { OutboxMessage } from '../../../contracts/messaging';
import { ListTable } from '../../components/list-table';
import { EmptyState } from '../../components/empty-state';
import { AnchorLink } from '../../components/router-links';
import { MessageRow } from './message-cells';

const COLUMNS = ['Created', 'To', 'Channel', 'Message', 'Status'] as const;

/** Send → the ten latest single messages, each followed to delivered/read while the page is open. */
export function RecentMessagesCard({ messages }: { messages: OutboxMessage[] | undefined }) {
  return (
    <Card padding={0} component="section" aria-labelledby="recent-title">
      <Group justify="space-between" p="md" pb="xs">
        <Title id="recent-title" order={2} fz="lg">
          Recent messages
        </Title>
        <AnchorLink to="/outbox" size="sm">
          Open Outbox
        </AnchorLink>
      </Group>
      {messages && messages.length === 0 ? (
        <EmptyState icon={<IconMessage size={28} />} title="No messages yet." description="Messages you send appear here with their delivery status." />
      ) : (
        <ListTable
          label="Recent messages"
          columns={COLUMNS}
          items={messages}
          refreshing={false}
          minWidth={720}
          horizontalSpacing="md"
          skeletonRows={3}
          renderRow={(message) => <MessageRow key={message.id} message={message} testId="recent-message" />}
        />
      )}
    </Card>
  );
}
