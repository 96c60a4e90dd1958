import type pg from 'pg';
import type { SubscriptionAccess } from '../../../domain/access';
import type { Limits, PageAccess, RequestType } from '../../../domain/plans';
import type { SubscriptionOverrides } from '../../db/schema/index';

/** A user's current subscription as access rules see it, plus what the UI names. */
export interface CurrentSubscription extends SubscriptionAccess {
  id: string;
  planId: string;
  planName: string;
  daysTotal: number;
}

/**
 * The columns of the current subscription and its plan, prefixed `sub_`, for a LEFT JOIN on users `u`. Shared by
 * the session hot path (one query per request) and the lookup by user id.
 */
export const CURRENT_SUBSCRIPTION_COLUMNS = `
  s.id AS sub_id, s.status AS sub_status, s.service_ends_at AS sub_service_ends_at, s.days_total AS sub_days_total,
  s.overrides AS sub_overrides, p.id AS sub_plan_id, p.name AS sub_plan_name, p.request_type AS sub_request_type,
  p.limit_daily AS sub_limit_daily, p.limit_bulk AS sub_limit_bulk, p.limit_channels AS sub_limit_channels,
  p.limit_chatbots AS sub_limit_chatbots, p.page_access AS sub_page_access`;

export const CURRENT_SUBSCRIPTION_JOIN = `
  LEFT JOIN subscriptions s ON s.user_id = u.id AND s.is_current
  LEFT JOIN plans p ON p.id = s.plan_id`;

export function toCurrentSubscription(row: Record<string, unknown>): CurrentSubscription | null {
  if (!row.sub_id || !row.sub_plan_id) return null;
  const limits: Limits = {
    daily: row.sub_limit_daily as number,
    bulk: row.sub_limit_bulk as number,
    channels: row.sub_limit_channels as number,
    chatbots: row.sub_limit_chatbots as number,
  };
  return {
    id: row.sub_id as string,
    planId: row.sub_plan_id as string,
    planName: row.sub_plan_name as string,
    daysTotal: row.sub_days_total as number,
    status: row.sub_status as CurrentSubscription['status'],
    serviceEndsAt: (row.sub_service_ends_at as Date | null) ?? null,
    plan: {
      limits,
      pageAccess: (row.sub_page_access ?? {}) as Partial<PageAccess>,
      requestType: row.sub_request_type as RequestType,
    },
    overrides: (row.sub_overrides ?? {}) as SubscriptionOverrides,
  };
}

export async function loadCurrentSubscription(pool: pg.Pool, userId: string): Promise<CurrentSubscription | null> {
  const { rows } = await pool.query({
    name: 'current-subscription-by-user',
    text: `SELECT ${CURRENT_SUBSCRIPTION_COLUMNS} FROM users u ${CURRENT_SUBSCRIPTION_JOIN} WHERE u.id = $1`,
    values: [userId],
  });
  return rows[0] ? toCurrentSubscription(rows[0]) : null;
}
