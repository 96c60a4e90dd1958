import { sql, type SQL } from 'drizzle-orm';
import type { AdminUsersPage, AdminUsersQuery, UserSort } from '../../../contracts/admin-users';
import type { Db } from '../../db/connect';
import { toAdminUserRow, USER_ROW_COLUMNS, USER_STATUS, USERS_WITH_SERVICE } from './user-service-sql';

// Sort keys → ORDER BY terms; the id breaks ties so pages never overlap or skip a row.
const ORDER: Record<UserSort, (dir: SQL) => SQL> = {
  createdAt: (dir) => sql`u.created_at ${dir}`,
  name: (dir) => sql`lower(u.name) ${dir}`,
  email: (dir) => sql`u.email ${dir}`,
  plan: (dir) => sql`p.name ${dir} NULLS LAST`,
  channels: (dir) => sql`channels_used ${dir}`,
  daysRemaining: (dir) => sql`days_remaining ${dir}, s.service_ends_at ${dir} NULLS LAST`,
};

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

  const [rows, counted] = await Promise.all([
    db.execute(sql`
      SELECT ${USER_ROW_COLUMNS} FROM ${USERS_WITH_SERVICE} ${where}
      ORDER BY ${ORDER[query.sort](dir)}, u.id ${dir}
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
    db.execute<{ total: number }>(sql`SELECT count(*)::int AS total FROM ${USERS_WITH_SERVICE} ${where}`),
  ]);
  return {
    items: rows.rows.map(toAdminUserRow),
    total: counted.rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
