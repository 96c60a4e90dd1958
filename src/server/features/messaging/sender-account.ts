import { sql } from 'drizzle-orm';
import type { MessagingUsage } from '../../../contracts/messaging';
import { effectiveLimits, serviceState, type ServiceState } from '../../../domain/access';
import type { BillingPeriod } from '../../../domain/plans';
import type { DbOrTx } from '../../db/connect';
import { CURRENT_SUBSCRIPTION_COLUMNS, CURRENT_SUBSCRIPTION_JOIN, toCurrentSubscription } from '../access/current-subscription';
import { readUsage } from './message-usage';
import { bulkWindow, dailyWindow, type UsageWindow } from './usage-windows';

/** What sending rules need to know about the sender, read in one query inside the sending transaction. */
export interface SenderAccount {
  userId: string;
  banned: boolean;
  service: ServiceState;
  timeZone: string;
  /** Effective limits (override over plan); admins are never limited (-1). */
  dailyLimit: number;
  bulkLimit: number;
  daily: UsageWindow;
  bulk: UsageWindow;
}

export async function loadSenderAccount(db: DbOrTx, userId: string, now: Date = new Date()): Promise<SenderAccount | null> {
  const { rows } = await db.execute<Record<string, unknown>>(sql`
    SELECT u.id, u.role, u.banned, s.created_at AS sub_created_at, p.billing_period AS sub_billing_period,
      coalesce((SELECT time_zone FROM app_settings WHERE id = 1), 'UTC') AS time_zone,
      ${sql.raw(CURRENT_SUBSCRIPTION_COLUMNS)}
    FROM users u ${sql.raw(CURRENT_SUBSCRIPTION_JOIN)}
    WHERE u.id = ${userId}`);
  const raw = rows[0];
  if (!raw) return null;
  // drizzle's raw execute hands timestamps back as text; the shared mapper expects what node-postgres gives.
  const row: Record<string, unknown> = { ...raw, sub_service_ends_at: raw.sub_service_ends_at ? new Date(raw.sub_service_ends_at as string) : null };
  const subscription = toCurrentSubscription(row);
  const admin = row.role === 'admin';
  const limits = effectiveLimits(subscription);
  const timeZone = row.time_zone as string;
  // Without a subscription there is no service period: a window that nothing can be charged to (limit 0).
  const bulk = subscription
    ? bulkWindow(now, {
        id: subscription.id,
        startedAt: new Date(row.sub_created_at as string | Date),
        billingPeriod: (row.sub_billing_period as BillingPeriod | null) ?? 'monthly',
      })
    : { key: `none:${userId}`, resetsAt: dailyWindow(now, timeZone).resetsAt };
  return {
    userId,
    banned: row.banned as boolean,
    service: admin ? 'active' : serviceState(subscription, now),
    timeZone,
    dailyLimit: admin ? -1 : limits.daily,
    bulkLimit: admin ? -1 : limits.bulk,
    daily: dailyWindow(now, timeZone),
    bulk,
  };
}

/** The usage meters; a figure the caller already holds (from its own charge) is not read again. */
export async function describeUsage(db: DbOrTx, account: SenderAccount, known: { daily?: number; bulk?: number } = {}): Promise<MessagingUsage> {
  const daily = known.daily ?? (await readUsage(db, account.userId, 'daily', account.daily.key));
  const bulk = known.bulk ?? (await readUsage(db, account.userId, 'bulk', account.bulk.key));
  return {
    daily: { used: daily, limit: account.dailyLimit, resetsAt: account.daily.resetsAt.toISOString() },
    bulk: { used: bulk, limit: account.bulkLimit, resetsAt: account.bulk.resetsAt.toISOString() },
    timeZone: account.timeZone,
  };
}
