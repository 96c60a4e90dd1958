import { Button, Card, Stack } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ListPagination } from '../../components/list-pagination';
import { ListResults } from '../../components/list-results';
import { PageHeader } from '../../components/page-header';
import { useAdminUsers } from './admin-users-api';
import { CreateUserModal } from './create-user-modal';
import { UserDialogs, type OpenDialog } from './user-dialogs';
import { UsersFilters } from './users-filters';
import { toUsersQuery, type UsersSearch } from './users-search';
import type { UsersSort } from './users-columns';
import { UsersTable } from './users-table';

const route = getRouteApi('/app/admin/users');

export function UsersPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = toUsersQuery(search);
  const users = useAdminUsers(query);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [creating, setCreating] = useState(false);
  const filtered = search.q !== undefined || search.status !== undefined || search.planId !== undefined;

  // A filter or sort change starts again from the first page.
  const setSearch = (patch: Partial<UsersSearch>) => void navigate({ search: { ...search, ...patch, page: undefined }, replace: true });
  const setPage = (page: number) => void navigate({ search: { ...search, page: page > 1 ? page : undefined } });
  const sort: UsersSort = { sort: query.sort ?? 'createdAt', order: query.order ?? 'desc' };

  const data = users.data;

  return (
    <Stack gap={0}>
      <PageHeader
        title="Users"
        description="Plans, days, limits and access of every account. Overrides apply to one user and never change the plan."
        actions={
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)}>
            Create user
          </Button>
        }
      />
      <UsersFilters
        filters={{ q: search.q, status: search.status, planId: search.planId }}
        onChange={(next) => setSearch({ q: next.q, status: next.status, planId: next.planId })}
      />
      <Card padding={0}>
        <ListResults
          query={users}
          errorTitle="Couldn't load the users"
          isEmpty={(result) => result.items.length === 0}
          empty={
            <EmptyState
              icon={<IconUsers size={28} />}
              title={filtered ? 'No users match these filters.' : 'No users yet.'}
              description={filtered ? 'Try another search or clear the filters.' : 'People who sign up, and accounts you create, appear here.'}
            />
          }
        >
          <UsersTable
            users={data?.items}
            refreshing={users.isPlaceholderData}
            sort={sort}
            onSort={(next) => setSearch(next)}
            onAction={(action, user) => setDialog({ action, user })}
          />
        </ListResults>
      </Card>
      <ListPagination data={data} page={data?.page ?? 1} onPageChange={setPage} noun={{ one: 'user', many: 'users' }} label="User pages" testId="users-total" />
      <UserDialogs open={dialog} onClose={() => setDialog(null)} />
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
