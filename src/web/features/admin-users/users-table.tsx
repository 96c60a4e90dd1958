import { Badge, Group, NativeSelect, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { AdminUserRow, UserSort } from '../../../contracts/admin-users';
import { RoleBadge } from '../../components/account-badges';
import { AnchorLink } from '../../components/router-links';
import { UserActionsMenu, type UserAction } from './user-actions-menu';
import { daysLabel, formatCount, formatLimitValue, REQUEST_TYPE_COLORS, REQUEST_TYPE_SHORT } from './user-labels';
import { UserStatusBadge } from './user-status-badge';

export interface UsersSort {
  sort: UserSort;
  order: 'asc' | 'desc';
}

const COLUMNS: { label: string; sort?: UserSort }[] = [
  { label: 'User', sort: 'name' },
  { label: 'Plan', sort: 'plan' },
  { label: 'Channels', sort: 'channels' },
  { label: 'Days remaining', sort: 'daysRemaining' },
  { label: 'Status' },
  { label: 'Actions' },
];

function SortHeader({ label, column, sort, onSort }: { label: string; column: UserSort; sort: UsersSort; onSort: (next: UsersSort) => void }) {
  const active = sort.sort === column;
  const Icon = active ? (sort.order === 'asc' ? IconArrowUp : IconArrowDown) : IconSelector;
  const next: UsersSort = { sort: column, order: active && sort.order === 'asc' ? 'desc' : 'asc' };
  return (
    <Table.Th aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort(next)} aria-label={`Sort by ${label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={700}>
            {label}
          </Text>
          <Icon size={14} stroke={1.6} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function UserRowView({ user, onAction }: { user: AdminUserRow; onAction: (action: UserAction, user: AdminUserRow) => void }) {
  const limit = formatLimitValue(user.channelsAllowed);
  return (
    <Table.Tr data-testid="user-row" data-user-id={user.id}>
      <Table.Td>
        <Stack gap={0}>
          <Group gap={6} wrap="nowrap">
            <AnchorLink to="/admin/users/$userId" params={{ userId: user.id }} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {user.name}
            </AnchorLink>
            {user.role === 'admin' && <RoleBadge role="admin" size="xs" />}
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        {user.plan ? (
          <Stack gap={2} align="flex-start">
            <Text size="sm">{user.plan.name}</Text>
            <Badge size="xs" variant="light" color={REQUEST_TYPE_COLORS[user.plan.effectiveRequestType]}>
              {REQUEST_TYPE_SHORT[user.plan.effectiveRequestType]}
            </Badge>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" data-testid="user-channels">
          {formatCount(user.channelsUsed)} / {limit}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={user.daysRemaining === 0 ? 'dimmed' : undefined} data-testid="user-days">
          {daysLabel(user.daysRemaining)}
        </Text>
      </Table.Td>
      <Table.Td>
        <UserStatusBadge status={user.userStatus} banReason={user.banReason} />
      </Table.Td>
      <Table.Td>
        <UserActionsMenu user={user} onAction={onAction} />
      </Table.Td>
    </Table.Tr>
  );
}

function SkeletonRows() {
  return Array.from({ length: 6 }, (_, row) => (
    <Table.Tr key={row}>
      {COLUMNS.map((column) => (
        <Table.Td key={column.label}>
          <Skeleton height={14} radius="sm" width="75%" />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}

interface UsersTableProps {
  users: AdminUserRow[] | undefined;
  refreshing: boolean;
  sort: UsersSort;
  onSort: (next: UsersSort) => void;
  onAction: (action: UserAction, user: AdminUserRow) => void;
}

/** Phone width: one card per user, every column and the actions still in reach without sideways scrolling. */
function UserCard({ user, onAction }: { user: AdminUserRow; onAction: (action: UserAction, user: AdminUserRow) => void }) {
  return (
    <Stack gap={6} p="md" data-testid="user-row" data-user-id={user.id} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <AnchorLink to="/admin/users/$userId" params={{ userId: user.id }} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {user.name}
            </AnchorLink>
            {user.role === 'admin' && <RoleBadge role="admin" size="xs" />}
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <UserStatusBadge status={user.userStatus} banReason={user.banReason} />
          <UserActionsMenu user={user} onAction={onAction} />
        </Group>
      </Group>
      <Group gap="xs" wrap="wrap">
        {user.plan ? (
          <>
            <Text size="sm">{user.plan.name}</Text>
            <Badge size="xs" variant="light" color={REQUEST_TYPE_COLORS[user.plan.effectiveRequestType]}>
              {REQUEST_TYPE_SHORT[user.plan.effectiveRequestType]}
            </Badge>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            No plan
          </Text>
        )}
      </Group>
      <Group gap="lg">
        <Text size="sm" data-testid="user-channels">
          {formatCount(user.channelsUsed)} / {formatLimitValue(user.channelsAllowed)} channels
        </Text>
        <Text size="sm" data-testid="user-days">
          {daysLabel(user.daysRemaining)}
        </Text>
      </Group>
    </Stack>
  );
}

const SORT_OPTIONS = [
  { value: 'createdAt:desc', label: 'Newest first' },
  { value: 'createdAt:asc', label: 'Oldest first' },
  ...COLUMNS.filter((column) => column.sort).flatMap((column) => [
    { value: `${column.sort}:asc`, label: `${column.label} ↑` },
    { value: `${column.sort}:desc`, label: `${column.label} ↓` },
  ]),
];

export function UsersTable(props: UsersTableProps) {
  const phone = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
  if (!phone) return <UsersWideTable {...props} />;
  const { users, refreshing, sort, onSort, onAction } = props;
  return (
    <Stack component="section" gap={0} aria-label="Users" aria-busy={!users || refreshing} style={{ opacity: refreshing ? 0.6 : 1 }}>
      <NativeSelect
        m="md"
        mb="xs"
        label="Sort by"
        data={SORT_OPTIONS}
        value={`${sort.sort}:${sort.order}`}
        onChange={(event) => {
          const [column, order] = event.currentTarget.value.split(':') as [UserSort, 'asc' | 'desc'];
          onSort({ sort: column, order });
        }}
      />
      {users
        ? users.map((user) => <UserCard key={user.id} user={user} onAction={onAction} />)
        : Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={72} m="md" radius="md" />)}
    </Stack>
  );
}

function UsersWideTable({ users, refreshing, sort, onSort, onAction }: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table
        verticalSpacing="sm"
        highlightOnHover
        aria-label="Users"
        aria-busy={!users || refreshing}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) =>
              column.sort ? (
                <SortHeader key={column.label} label={column.label} column={column.sort} sort={sort} onSort={onSort} />
              ) : (
                <Table.Th key={column.label}>{column.label}</Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{users ? users.map((user) => <UserRowView key={user.id} user={user} onAction={onAction} />) : <SkeletonRows />}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
