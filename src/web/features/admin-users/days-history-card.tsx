import { Badge, Group, Pagination, Skeleton, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadError } from '../../components/load-error';
import { useUserDaysHistory } from './admin-users-api';
import { SectionCard } from './section-card';
import { formatCount, formatDateTime } from './user-labels';

const PAGE_SIZE = 10;

/** Every credit and debit of the service days: payments, PayPal renewals and admin adjustments (spec 004 §3). */
export function DaysHistoryCard({ userId }: { userId: string }) {
  const [page, setPage] = useState(1);
  const history = useUserDaysHistory(userId, page, PAGE_SIZE);
  const data = history.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <SectionCard id="days-history-title" icon={<IconHistory size={20} />} color="cyan" title="Days history" testId="days-history">
      {history.isError && !data ? (
        <LoadError title="Couldn't load the days history" message={history.error.message} retrying={history.isFetching} onRetry={() => void history.refetch()} />
      ) : data && data.total === 0 ? (
        <Text size="sm" c="dimmed">
          No days credited or removed yet.
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-label="Days history" aria-busy={!data || history.isPlaceholderData}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Change</Table.Th>
                  <Table.Th>Note</Table.Th>
                  <Table.Th>By</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data
                  ? data.items.map((entry) => (
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
                    ))
                  : Array.from({ length: 3 }, (_, i) => (
                      <Table.Tr key={i}>
                        {[0, 1, 2, 3].map((cell) => (
                          <Table.Td key={cell}>
                            <Skeleton height={12} width="70%" />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Group justify="flex-end" mt="sm">
              <Pagination total={pages} value={page} onChange={setPage} size="sm" aria-label="Days history pages" />
            </Group>
          )}
        </>
      )}
    </SectionCard>
  );
}
