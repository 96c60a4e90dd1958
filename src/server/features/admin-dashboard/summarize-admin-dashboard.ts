import { eq, sql } from 'drizzle-orm';
import {
  EXPIRING_LIST_SIZE,
  EXPIRING_WITHIN_DAYS,
  RECENT_AUDIT_SIZE,
  type AdminDashboard,
  type ExpiringUser,
} from '../../../contracts/admin-dashboard';
import type { Db } from '../../db/connect';
import { mainBalance, userOfflinePayments } from '../../db/schema/index';
import { listAudit } from '../audit/list-audit';
import {
  CHANNEL_DISPLAY_STATUS,
  CHANNELS_ALLOWED,
  DAYS_REMAINING,
  readTimestamp,
  USER_STATUS,
  USERS_WITH_SERVICE,
} from '../users/user-service-sql';
import { latestPartnerBalance } from '../whapi/whapi-status';

/** The admin's landing page (spec 004 §7) in one round of parallel aggregate queries (QUALITY P4: ≤ 100 ms). */
export async function summarizeAdminDashboard(db: Db): Promise<AdminDashboard> {
  const [users, expiring, channels, pending, balance, partnerBalance, audit] = await Promise.all([
    countUsers(db),
    listExpiring(db),
    summarizeChannels(db),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(userOfflinePayments)
      .where(eq(userOfflinePayments.status, 'pending')),
    db.select().from(mainBalance).where(eq(mainBalance.id, 1)),
    latestPartnerBalance(db),
    listAudit(db, { page: 1, pageSize: RECENT_AUDIT_SIZE }),
  ]);
  return {
    users,
    expiring,
    channels,
    payments: { pending: pending[0]?.n ?? 0 },
    mainBalance: { days: balance[0]?.days ?? 0, updatedAt: (balance[0]?.updatedAt ?? new Date(0)).toISOString() },
    partnerBalance,
    recentAudit: audit.items,
  };
}

async function countUsers(db: Db): Promise<AdminDashboard['users']> {
  const { rows } = await db.execute<{ status: string; n: number }>(sql`
    SELECT ${USER_STATUS} AS status, count(*)::int AS n FROM ${USERS_WITH_SERVICE} WHERE u.role = 'user' GROUP BY 1`);
  const by = Object.fromEntries(rows.map((row) => [row.status, row.n]));
  const counts = { active: by.active ?? 0, expired: by.expired ?? 0, banned: by.banned ?? 0, noPlan: by.no_plan ?? 0 };
  return { total: counts.active + counts.expired + counts.banned + counts.noPlan, ...counts };
}

/** Active users whose service ends within the next week, soonest first, for a quick +Days. */
async function listExpiring(db: Db): Promise<AdminDashboard['expiring']> {
  const soon = sql`${USER_STATUS} = 'active' AND s.service_ends_at <= now() + make_interval(days => ${EXPIRING_WITHIN_DAYS})`;
  const [list, count] = await Promise.all([
    db.execute(sql`
      SELECT u.id, u.name, u.email, p.name AS plan_name, ${DAYS_REMAINING} AS days_remaining, s.service_ends_at
      FROM ${USERS_WITH_SERVICE} WHERE ${soon}
      ORDER BY s.service_ends_at, u.id LIMIT ${EXPIRING_LIST_SIZE}`),
    db.execute<{ total: number }>(sql`SELECT count(*)::int AS total FROM ${USERS_WITH_SERVICE} WHERE ${soon}`),
  ]);
  const items: ExpiringUser[] = list.rows.map((row) => ({
    id: row.id as string,
    name: row.name as string,
    email: row.email as string,
    planName: row.plan_name as string,
    daysRemaining: row.days_remaining as number,
    serviceEndsAt: readTimestamp(row.service_ends_at).toISOString(),
  }));
  return { total: count.rows[0]?.total ?? 0, items };
}

async function summarizeChannels(db: Db): Promise<AdminDashboard['channels']> {
  const [byStatus, allowance] = await Promise.all([
    db.execute<{ status: string; n: number }>(sql`
      SELECT ${CHANNEL_DISPLAY_STATUS} AS status, count(*)::int AS n
      FROM ${USERS_WITH_SERVICE} JOIN channels c ON c.user_id = u.id AND c.deleted_at IS NULL
      GROUP BY 1`),
    db.execute<{ allowed: number; unlimited: number }>(sql`
      SELECT COALESCE(sum(allowed) FILTER (WHERE allowed >= 0), 0)::int AS allowed,
             count(*) FILTER (WHERE allowed = -1)::int AS unlimited
      FROM (SELECT ${CHANNELS_ALLOWED} AS allowed FROM ${USERS_WITH_SERVICE} WHERE ${USER_STATUS} = 'active') active_users`),
  ]);
  const by = Object.fromEntries(byStatus.rows.map((row) => [row.status, row.n]));
  const counts = {
    active: by.active ?? 0,
    unauthorized: by.unauthorized ?? 0,
    disconnected: by.disconnected ?? 0,
    suspended: by.suspended ?? 0,
  };
  return {
    used: counts.active + counts.unauthorized + counts.disconnected + counts.suspended,
    allowed: allowance.rows[0]?.allowed ?? 0,
    unlimitedUsers: allowance.rows[0]?.unlimited ?? 0,
    byStatus: counts,
  };
}
