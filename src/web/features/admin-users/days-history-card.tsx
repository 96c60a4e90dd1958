import { Badge, Group, Pagination, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { CompactTable } from '../../components/compact-table';
import { ListResults } from '../../components/list-results';
import { useUserDaysHistory } from './admin-users-api';
import { SectionCard } from './section-card';
import { formatCount, formatDateTime } from './user-labels';

const PAGE_SIZE = 10;
const COLUMNS = ['When', 'Change', 'Note', 'By'] as const;

/** Every credit and debit of the service days: payments, PayPal renewals and admin adjustments (spec 004 §3). */
export function DaysHistoryCard({ userId }: { userId: string }) {
  const [page, setPage] = useState(1);
  const history = useUserDaysHistory(userId, page, PAGE_SIZE);
  const data = history.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <SectionCard id="days-history-title" icon={<IconHistory size={20} />} color="cyan" title="Days history" testId="days-history">
      <ListResults
        query={history}
        errorTitle="Couldn't load the days history"
        errorInset={false}
        isEmpty={(result) => result.total === 0}
        empty={
          <Text size="sm" c="dimmed">
            No days credited or removed yet.
          </Text>
        }
      >
        <CompactTable
          label="Days history"
          columns={COLUMNS}
          items={data?.items}
          refreshing={history.isPlaceholderData}
          skeletonRows={3}
          minWidth={560}
          renderRow={(entry) => (
            <Table.Tr key={entry.id} data-testid="days-history-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateTime(entry.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={entry.type === 'user_credit' ? 'teal' : 'orange'}>
                  {entry.type === 'user_credit' ? '+' : '−'}
                  {formatCount(entry.days)} {entry.days === 1 ? 'day' : 'days'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {entry.note ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={entry.actor ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                  {entry.actor ? entry.actor.email : 'System'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        />
        {pages > 1 && (
          <Group justify="flex-end" mt="sm">
            <Pagination total={pages} value={page} onChange={setPage} size="sm" aria-label="Days history pages" />
          </Group>
        )}
      </ListResults>
    </SectionCard>
  );
}
