import { Badge, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { AdminUserRow, UserSort } from '../../../contracts/admin-users';
import { RoleBadge } from '../../components/account-badges';
import { ListTable } from '../../components/list-table';
import { AnchorLink } from '../../components/router-links';
import { UserActionsMenu, type UserAction } from './user-actions-menu';
import { daysLabel, formatCount, formatLimitValue, REQUEST_TYPE_COLORS, REQUEST_TYPE_SHORT } from './user-labels';
import { UserStatusBadge } from './user-status-badge';
import { UsersCardList } from './users-cards';
import { COLUMNS, type UsersSort, type UsersTableProps } from './users-columns';

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

export function UsersTable(props: UsersTableProps) {
  const phone = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
  return phone ? <UsersCardList {...props} /> : <UsersWideTable {...props} />;
}

const COLUMN_LABELS = COLUMNS.map((column) => column.label);

function UsersWideTable({ users, refreshing, sort, onSort, onAction }: UsersTableProps) {
  const header = (label: string) => {
    const column = COLUMNS.find((candidate) => candidate.label === label);
    return column?.sort ? (
      <SortHeader key={label} label={label} column={column.sort} sort={sort} onSort={onSort} />
    ) : (
      <Table.Th key={label}>{label}</Table.Th>
    );
  };
  return (
    <ListTable
      label="Users"
      columns={COLUMN_LABELS}
      items={users}
      refreshing={refreshing}
      minWidth={820}
      renderHeader={header}
      skeletonRows={6}
      skeletonWidth={() => '75%'}
      renderRow={(user) => <UserRowView key={user.id} user={user} onAction={onAction} />}
    />
  );
}
