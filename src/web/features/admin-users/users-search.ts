import { USER_SORTS, USER_STATUSES, type AdminUsersQuery, type UserSort, type UserStatus } from '../../../contracts/admin-users';

/** Admin → Users filters as they live in the URL, so reload, back and shared links keep the view. */
export interface UsersSearch {
  page?: number;
  q?: string;
  status?: UserStatus;
  planId?: string;
  sort?: UserSort;
  order?: 'asc' | 'desc';
}

export const USERS_PAGE_SIZE = 25;

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  const page = Number(search.page);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    q: text(search.q, 200),
    status: USER_STATUSES.find((known) => known === search.status),
    planId: text(search.planId, 64),
    sort: USER_SORTS.find((known) => known === search.sort),
    order: search.order === 'asc' || search.order === 'desc' ? search.order : undefined,
  };
}

export function toUsersQuery(search: UsersSearch): AdminUsersQuery {
  return {
    page: search.page ?? 1,
    pageSize: USERS_PAGE_SIZE,
    q: search.q,
    status: search.status,
    planId: search.planId,
    sort: search.sort ?? 'createdAt',
    order: search.order ?? 'desc',
  };
}
