import { sql, type SQL } from 'drizzle-orm';
import type { AdminUsersPage, AdminUsersQuery, UserSort } from '../../../contracts/admin-users';
import type { Db } from '../../db/connect';
import { DAYS_REMAINING, toAdminUserRow, USER_ROW_COLUMNS, USER_STATUS, USERS_WITH_SERVICE } from './user-service-sql';

// Sort keys → ORDER BY terms; the id breaks ties so pages never overlap or skip a row.
const ORDER: Record<UserSort, (dir: SQL) => SQL> = {
  createdAt: (dir) => sql`u.created_at ${dir}`,
  name: (dir) => sql`lower(u.name) ${dir}`,
  email: (dir) => sql`u.email ${dir}`,
  plan: (dir) => sql`p.name ${dir} NULLS LAST`,
  channels: (dir) => sql`COALESCE(cc.n, 0) ${dir}`,
  daysRemaining: (dir) => sql`${DAYS_REMAINING} ${dir}, s.service_ends_at ${dir} NULLS LAST`,
};

// Channels per user in one grouped pass, joined only when the page is sorted on it (a per-user count for every user
// would run 20k subqueries: QUALITY P4).
const CHANNEL_COUNTS = sql.raw(`LEFT JOIN (SELECT c.user_id, count(*)::int AS n FROM channels c WHERE c.deleted_at IS NULL
  GROUP BY c.user_id) cc ON cc.user_id = u.id`);

/** Admin → Users: search by name or email, filter by status and plan, sort, one page at a time. */
export async function listUsers(db: Db, query: AdminUsersQuery): Promise<AdminUsersPage> {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(sql`(u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})`);
  }
  if (query.status) conditions.push(sql`${USER_STATUS} = ${query.status}`);
  if (query.planId) conditions.push(sql`s.plan_id = ${query.planId}`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const dir = query.order === 'asc' ? sql.raw('ASC') : sql.raw('DESC');
  // Without a status or plan filter every user is counted once: the subscription join adds nothing to the count.
  const counted = query.status || query.planId ? USERS_WITH_SERVICE : sql.raw('users u');

  // The page's ids first (narrow rows, so a deep OFFSET skips cheaply), then the full columns for those rows only.
  const pageIds = sql`ARRAY(SELECT u.id FROM ${USERS_WITH_SERVICE} ${query.sort === 'channels' ? CHANNEL_COUNTS : sql``} ${where}
    ORDER BY ${ORDER[query.sort](dir)}, u.id ${dir}
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize})`;
  const [rows, count] = await Promise.all([
    db.execute(sql`
      SELECT ${USER_ROW_COLUMNS}
      FROM unnest(${pageIds}) WITH ORDINALITY AS page(id, ord)
        JOIN users u ON u.id = page.id
        LEFT JOIN subscriptions s ON s.user_id = u.id AND s.is_current
        LEFT JOIN plans p ON p.id = s.plan_id
      ORDER BY page.ord`),
    db.execute<{ total: number }>(sql`SELECT count(*)::int AS total FROM ${counted} ${where}`),
  ]);
  return {
    items: rows.rows.map(toAdminUserRow),
    total: count.rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
