import { Badge, Group, NativeSelect, Skeleton, Stack, Text } from '@mantine/core';
import type { AdminUserRow, UserSort } from '../../../contracts/admin-users';
import { RoleBadge } from '../../components/account-badges';
import { AnchorLink } from '../../components/router-links';
import { UserActionsMenu, type UserAction } from './user-actions-menu';
import { daysLabel, formatCount, formatLimitValue, REQUEST_TYPE_COLORS, REQUEST_TYPE_SHORT } from './user-labels';
import { UserStatusBadge } from './user-status-badge';
import { COLUMNS, type UsersTableProps } from './users-columns';

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

export function UsersCardList(props: UsersTableProps) {
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
