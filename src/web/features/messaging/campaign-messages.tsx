import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { CompactTable } from '../../components/compact-table';
import { ListPagination } from '../../components/list-pagination';
import { LoadError } from '../../components/load-error';
import { AnchorLink } from '../../components/router-links';
import { useOutbox } from './list-outbox';
import { MessageStatus, Recipient } from './message-cells';

const COLUMNS = ['To', 'Status'] as const;
const PAGE_SIZE = 10;

/** One campaign's messages in its drawer, a page at a time; the Outbox has the same list with filters. */
export function CampaignMessages({ campaignId }: { campaignId: string }) {
  const [page, setPage] = useState(1);
  const messages = useOutbox({ page, pageSize: PAGE_SIZE, campaignId });
  const data = messages.data;

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Messages
        </Title>
        <AnchorLink to="/outbox" search={{ campaignId }} size="sm">
          Open in Outbox
        </AnchorLink>
      </Group>
      {messages.isError && !data ? (
        <LoadError title="Couldn't load the messages" message={messages.error.message} retrying={messages.isFetching} onRetry={() => void messages.refetch()} />
      ) : data && data.total === 0 ? (
        <Text size="sm" c="dimmed">
          No messages in this campaign.
        </Text>
      ) : (
        <CompactTable
          label="Campaign messages"
          columns={COLUMNS}
          items={data?.items}
          refreshing={messages.isPlaceholderData}
          minWidth={320}
          skeletonRows={4}
          renderRow={(message) => (
            <Table.Tr key={message.id} data-testid="campaign-message">
              <Table.Td>
                <Recipient to={message.to} />
              </Table.Td>
              <Table.Td>
                <MessageStatus message={message} />
              </Table.Td>
            </Table.Tr>
          )}
        />
      )}
      <ListPagination data={data} page={page} onPageChange={setPage} noun={{ one: 'message', many: 'messages' }} label="Campaign message pages" />
    </Stack>
  );
}
