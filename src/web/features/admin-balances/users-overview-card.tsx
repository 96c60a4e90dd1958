import { Badge, Card, Group, Pagination, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { BalanceUser } from '../../../contracts/balances';
import { EmptyState } from '../../components/empty-state';
import { LoadError } from '../../components/load-error';
import { formatDays } from '../../components/partner-balance';
import { USERS_PAGE_SIZE } from './balances-search';
import { useBalanceUsers } from './list-balance-users';

const count = new Intl.NumberFormat();
const COLUMNS = ['User', 'Plan', 'Status', 'Channels', 'Days remaining'] as const;

const STATUS: Record<BalanceUser['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  expired: { label: 'Expired', color: 'orange' },
  banned: { label: 'Banned', color: 'red' },
  none: { label: 'No plan', color: 'gray' },
};

function channelsText(user: BalanceUser): string {
  return `${count.format(user.channelsUsed)} / ${user.channelsLimit === -1 ? 'Unlimited' : count.format(user.channelsLimit)}`;
}

function UserRow({ user }: { user: BalanceUser }) {
  const status = STATUS[user.status];
  const full = user.channelsLimit !== -1 && user.channelsUsed >= user.channelsLimit && user.channelsLimit > 0;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {user.email}
        </Text>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {user.planName ?? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={status.color} tt="none">
          {status.label}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" c={full ? 'orange' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {channelsText(user)}
      </Table.Td>
      <Table.Td ta="right" fw={600}>
        {formatDays(user.daysRemaining)}
      </Table.Td>
    </Table.Tr>
  );
}

function SkeletonRows() {
  return Array.from({ length: 4 }, (_, row) => (
    <Table.Tr key={row}>
      {COLUMNS.map((column) => (
        <Table.Td key={column}>
          <Skeleton height={14} radius="sm" width={column === 'User' ? '80%' : 60} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

interface UsersOverviewCardProps {
  search: string | undefined;
  page: number;
  onSearchChange: (search: string | undefined) => void;
  onPageChange: (page: number) => void;
}

/** Who holds channels and paid time: plan, channels used against the effective limit, days remaining. */
export function UsersOverviewCard({ search, page, onSearchChange, onPageChange }: UsersOverviewCardProps) {
  const users = useBalanceUsers({ search, page, pageSize: USERS_PAGE_SIZE });
  const [text, setText] = useState(search ?? '');
  const commit = useDebouncedCallback((next: string) => onSearchChange(next.trim() || undefined), 400);
  useEffect(() => {
    setText((current) => (current.trim() === (search ?? '') ? current : (search ?? '')));
  }, [search]);
  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Card component="section" aria-labelledby="users-overview-title" padding={0} mb="lg">
      <Group justify="space-between" align="flex-end" gap="sm" p="md">
        <Stack gap={2}>
          <Title id="users-overview-title" order={2} fz="lg">
            Users overview
          </Title>
          <Text size="sm" c="dimmed">
            Channels count against each user's effective limit; days remaining run on their service clock.
          </Text>
        </Stack>
        <TextInput
          aria-label="Search users"
          placeholder="Search by email or name"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            commit(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 280 }}
        />
      </Group>
      {users.isError && !data ? (
        <LoadError m="md" title="Couldn't load the users" message={users.error.message} retrying={users.isFetching} onRetry={() => void users.refetch()} />
      ) : data && data.items.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={28} />}
          title={search ? 'No users match this search.' : 'No users yet.'}
          description={search ? 'Check the spelling or search by another part of the email.' : 'Users appear here once they sign up.'}
        />
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table
            verticalSpacing="sm"
            highlightOnHover
            aria-label="Users overview"
            aria-busy={!data || users.isPlaceholderData}
            style={{ opacity: users.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
          >
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((column) => (
                  <Table.Th key={column} ta={column === 'Channels' || column === 'Days remaining' ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{data ? data.items.map((user) => <UserRow key={user.id} user={user} />) : <SkeletonRows />}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && data.total > 0 && (
        <Group justify="space-between" gap="sm" p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="sm" c="dimmed">
            {count.format(data.total)} {data.total === 1 ? 'user' : 'users'}
          </Text>
          {pages > 1 && <Pagination total={pages} value={page} onChange={onPageChange} size="sm" aria-label="User pages" />}
        </Group>
      )}
    </Card>
  );
}
