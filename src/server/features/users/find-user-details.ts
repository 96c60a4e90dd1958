import { sql } from 'drizzle-orm';
import type { AdminUserDetails } from '../../../contracts/admin-users';
import { effectiveLimits, effectivePages, effectiveRequestType, type SubscriptionAccess } from '../../../domain/access';
import { USER_PAGES } from '../../../domain/pages';
import type { BillingPeriod, Limits, PageAccess, PlanStatus } from '../../../domain/plans';
import { notFound } from '../../app-error';
import type { DbOrTx } from '../../db/connect';
import type { SubscriptionOverrides } from '../../db/schema/index';
import { readTimestamp, toAdminUserRow, USER_ROW_COLUMNS, USERS_WITH_SERVICE } from './user-service-sql';

/**
 * One user as Admin → Users → details shows them: the plan read-only, the overrides as stored, and the effective
 * limits and pages computed by the same domain rules the guards use (spec 004 §3 "Effective View").
 */
export async function findUserDetails(db: DbOrTx, userId: string, now: Date = new Date()): Promise<AdminUserDetails> {
  const { rows } = await db.execute(sql`
    SELECT ${USER_ROW_COLUMNS},
      s.id AS sub_id, s.status AS sub_status, s.payment_method, s.days_total, s.created_at AS sub_created_at,
      s.overrides, s.notes, p.status AS plan_status, p.billing_period, p.limit_daily, p.limit_bulk,
      p.limit_channels, p.limit_chatbots, p.page_access
    FROM ${USERS_WITH_SERVICE}
    WHERE u.id = ${userId}`);
  const row = rows[0];
  if (!row) throw notFound('User');

  const user = toAdminUserRow(row);
  const overrides = (row.overrides ?? {}) as SubscriptionOverrides;
  const serviceEndsAt = user.serviceEndsAt ? new Date(user.serviceEndsAt) : null;
  const planPages = (row.page_access ?? {}) as Partial<PageAccess>;
  const plan = user.plan
    ? {
        id: user.plan.id,
        name: user.plan.name,
        status: row.plan_status as PlanStatus,
        requestType: user.plan.requestType,
        billingPeriod: row.billing_period as BillingPeriod,
        limits: {
          daily: row.limit_daily as number,
          bulk: row.limit_bulk as number,
          channels: row.limit_channels as number,
          chatbots: row.limit_chatbots as number,
        } satisfies Limits,
        pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, planPages[page] ?? false])) as PageAccess,
      }
    : null;
  // What the session guard sees (features/access/current-subscription.ts): no plan → no subscription.
  const access: SubscriptionAccess | null = plan
    ? {
        status: row.sub_status as SubscriptionAccess['status'],
        serviceEndsAt,
        plan: { limits: plan.limits, pageAccess: plan.pageAccess, requestType: plan.requestType },
        overrides,
      }
    : null;

  return {
    user,
    subscription: row.sub_id
      ? {
          id: row.sub_id as string,
          status: row.sub_status as NonNullable<AdminUserDetails['subscription']>['status'],
          paymentMethod: (row.payment_method as NonNullable<AdminUserDetails['subscription']>['paymentMethod']) ?? null,
          serviceEndsAt: user.serviceEndsAt,
          daysTotal: row.days_total as number,
          createdAt: readTimestamp(row.sub_created_at).toISOString(),
        }
      : null,
    plan,
    overrides: {
      limits: overrides.limits ?? {},
      pageAccess: overrides.pageAccess ?? {},
      requestType: overrides.requestType ?? null,
      notes: (row.notes as string | null) ?? null,
    },
    effective: {
      limits: effectiveLimits(access),
      pages: effectivePages({ role: user.role, banned: user.status === 'banned', subscription: access }, now),
      requestType: plan ? effectiveRequestType(access, plan.requestType) : (overrides.requestType ?? null),
    },
  };
}

