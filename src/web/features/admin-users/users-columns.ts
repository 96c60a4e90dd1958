import type { AdminUserRow, UserSort } from '../../../contracts/admin-users';
import type { UserAction } from './user-actions-menu';

export interface UsersSort {
  sort: UserSort;
  order: 'asc' | 'desc';
}

/** The list's columns; those with a sort key sort on the server. */
export const COLUMNS: { label: string; sort?: UserSort }[] = [
  { label: 'User', sort: 'name' },
  { label: 'Plan', sort: 'plan' },
  { label: 'Channels', sort: 'channels' },
  { label: 'Days remaining', sort: 'daysRemaining' },
  { label: 'Status' },
  { label: 'Actions' },
];

export interface UsersTableProps {
  users: AdminUserRow[] | undefined;
  refreshing: boolean;
  sort: UsersSort;
  onSort: (next: UsersSort) => void;
  onAction: (action: UserAction, user: AdminUserRow) => void;
}
