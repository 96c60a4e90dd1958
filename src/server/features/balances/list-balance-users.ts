import { sql } from 'drizzle-orm';
import type { BalanceUser, BalanceUsersPage, BalanceUsersQuery } from '../../../contracts/balances';
import { effectiveLimits, serviceState } from '../../../domain/access';
import { daysRemaining } from '../../../domain/service-days';
import type { Db } from '../../db/connect';
import { CURRENT_SUBSCRIPTION_COLUMNS, CURRENT_SUBSCRIPTION_JOIN, toCurrentSubscription } from '../access/current-subscription';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Billing & Balances → users overview: each User's plan, channels used against their effective `channels` limit
 * (override, else plan) and days remaining on their service clock (DOMAIN.md "Days" §3). Admins are not customers.
 */
export async function listBalanceUsers(db: Db, query: BalanceUsersQuery, now = new Date()): Promise<BalanceUsersPage> {
  const pattern = query.search ? `%${escapeLike(query.search)}%` : null;
  const where = sql`u.role = 'user' AND (${pattern}::text IS NULL OR u.email ILIKE ${pattern} OR u.name ILIKE ${pattern})`;
  const [rows, count] = await Promise.all([
    db.execute<Record<string, unknown>>(sql`
      SELECT u.id, u.name, u.email, u.banned, ${sql.raw(CURRENT_SUBSCRIPTION_COLUMNS)},
        (SELECT count(*)::int FROM channels c WHERE c.user_id = u.id AND c.deleted_at IS NULL) AS channels_used
      FROM users u ${sql.raw(CURRENT_SUBSCRIPTION_JOIN)}
      WHERE ${where}
      ORDER BY u.created_at DESC, u.id
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}
    `),
    db.execute<{ total: number }>(sql`SELECT count(*)::int AS total FROM users u WHERE ${where}`),
  ]);
  const items = rows.rows.map((row): BalanceUser => {
    // Raw rows from db.execute keep timestamps as text (drizzle leaves them unparsed): make the clock a Date.
    const endsAt = row.sub_service_ends_at;
    const subscription = toCurrentSubscription({ ...row, sub_service_ends_at: endsAt == null ? null : new Date(endsAt as string | Date) });
    const state = serviceState(subscription, now);
    return {
      id: row.id as string,
      name: row.name as string,
      email: row.email as string,
      planName: subscription?.planName ?? null,
      status: row.banned ? 'banned' : state === 'none' ? 'none' : state,
      channelsUsed: row.channels_used as number,
      channelsLimit: effectiveLimits(subscription).channels,
      daysRemaining: daysRemaining(subscription?.serviceEndsAt ?? null, now),
    };
  });
  return { items, total: count.rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize };
}
