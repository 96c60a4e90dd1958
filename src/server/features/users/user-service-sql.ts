import { sql, type SQL } from 'drizzle-orm';
import type { AdminUserRow, UserStatus } from '../../../contracts/admin-users';
import type { RequestType } from '../../../domain/plans';

// SQL twins of src/domain/access.ts for lists that filter, count and sort on the database (QUALITY P4): a user `u`
// with their current subscription `s` and its plan `p`. tests/integration/admin-users-list.test.ts checks that each
// row agrees with what the guards compute for that user.

export const USERS_WITH_SERVICE: SQL = sql.raw(`users u
  LEFT JOIN subscriptions s ON s.user_id = u.id AND s.is_current
  LEFT JOIN plans p ON p.id = s.plan_id`);

/** Banned supersedes everything; no plan (or only a pending one) = never activated; then the service clock. */
export const USER_STATUS: SQL = sql.raw(`(CASE
  WHEN u.banned THEN 'banned'
  WHEN p.id IS NULL OR s.status = 'pending' OR s.service_ends_at IS NULL THEN 'no_plan'
  WHEN s.status <> 'canceled' AND s.service_ends_at > now() THEN 'active'
  ELSE 'expired' END)`);

/** `max(0, ceil((service_ends_at − now) / 24h))`; 0 without a clock (GREATEST ignores NULL). */
export const DAYS_REMAINING: SQL = sql.raw(`GREATEST(0, CEIL(EXTRACT(EPOCH FROM (s.service_ends_at - now())) / 86400))::int`);

/** The effective `channels` limit: the override, else the plan's; nothing without a plan. */
export const CHANNELS_ALLOWED: SQL = sql.raw(
  `(CASE WHEN p.id IS NULL THEN 0 ELSE COALESCE((s.overrides->'limits'->>'channels')::int, p.limit_channels) END)`,
);

/** Channels used = the user's channels not deleted (spec 004 §4 "Recompute user's Channels Used"). */
export const CHANNELS_USED: SQL = sql.raw(`(SELECT count(*)::int FROM channels c WHERE c.user_id = u.id AND c.deleted_at IS NULL)`);

/** A channel `c` of the user `u`: Suspended (owner banned or expired, or channel expired) > Disconnected > Unauthorized > Active. */
export const CHANNEL_DISPLAY_STATUS: SQL = sql`(CASE
  WHEN ${USER_STATUS} IN ('banned', 'expired') OR c.status = 'expired' OR (c.expires_at IS NOT NULL AND c.expires_at <= now()) THEN 'suspended'
  WHEN c.auth_status = 'disconnected' THEN 'disconnected'
  WHEN c.auth_status IN ('pending', 'qr_generated') THEN 'unauthorized'
  ELSE 'active' END)`;

/** The columns of one Admin → Users row; read them back with toAdminUserRow. */
export const USER_ROW_COLUMNS: SQL = sql`
  u.id, u.name, u.email, u.role, u.banned, u.ban_reason, u.created_at,
  p.id AS plan_id, p.name AS plan_name, p.request_type AS plan_request_type,
  COALESCE(s.overrides->>'requestType', p.request_type) AS effective_request_type,
  s.service_ends_at,
  ${USER_STATUS} AS user_status,
  ${DAYS_REMAINING} AS days_remaining,
  ${CHANNELS_USED} AS channels_used,
  ${CHANNELS_ALLOWED} AS channels_allowed`;

/** drizzle's node-postgres driver hands timestamps from raw SQL back as text ("2026-01-02 03:04:05.678+00"). */
export function readTimestamp(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(String(value).replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

export function toAdminUserRow(row: Record<string, unknown>): AdminUserRow {
  const planId = row.plan_id as string | null;
  return {
    id: row.id as string,
    name: row.name as string,
    email: row.email as string,
    role: row.role === 'admin' ? 'admin' : 'user',
    status: row.banned ? 'banned' : 'active',
    banReason: (row.ban_reason as string | null) ?? null,
    createdAt: readTimestamp(row.created_at).toISOString(),
    userStatus: row.user_status as UserStatus,
    plan: planId
      ? {
          id: planId,
          name: row.plan_name as string,
          requestType: row.plan_request_type as RequestType,
          effectiveRequestType: row.effective_request_type as RequestType,
        }
      : null,
    channelsUsed: row.channels_used as number,
    channelsAllowed: row.channels_allowed as number,
    daysRemaining: row.days_remaining as number,
    serviceEndsAt: row.service_ends_at ? readTimestamp(row.service_ends_at).toISOString() : null,
  };
}
