import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { USER_PAGES } from '../../src/domain/pages';
import type { Limits, PageAccess, RequestType } from '../../src/domain/plans';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PlanFixture {
  name?: string;
  requestType?: RequestType;
  limits?: Partial<Limits>;
  pages?: Partial<PageAccess>;
  billingPeriod?: 'monthly' | 'semi_annual' | 'annual';
}

/** A published plan written straight to the database; every user page on unless `pages` says otherwise. */
export async function insertPlan(pool: pg.Pool, plan: PlanFixture = {}): Promise<string> {
  const limits = { daily: 100, bulk: 10, channels: 2, chatbots: 1, ...plan.limits };
  const pages = { ...Object.fromEntries(USER_PAGES.map((page) => [page, true])), ...plan.pages };
  const { rows } = await pool.query(
    `INSERT INTO plans (name, monthly_price_minor, status, request_type, billing_period, limit_daily, limit_bulk,
       limit_channels, limit_chatbots, page_access)
     VALUES ($1, 1000, 'published', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      plan.name ?? `Plan ${randomUUID().slice(0, 8)}`,
      plan.requestType ?? 'paid',
      plan.billingPeriod ?? 'monthly',
      limits.daily,
      limits.bulk,
      limits.channels,
      limits.chatbots,
      JSON.stringify(pages),
    ],
  );
  return rows[0].id;
}

export interface SubscriptionFixture {
  planId: string | null;
  /** Service end relative to now, in days (negative = already ended); null = no clock. */
  endsInDays?: number | null;
  status?: 'pending' | 'active' | 'expired' | 'canceled';
  paymentMethod?: 'paypal' | 'offline' | 'admin' | null;
  overrides?: object;
  isCurrent?: boolean;
}

/** A subscription row as the payments flows leave it; returns its id and the exact service end written. */
export async function subscribe(pool: pg.Pool, userId: string, sub: SubscriptionFixture) {
  const endsAt = sub.endsInDays === null || sub.endsInDays === undefined ? null : new Date(Date.now() + sub.endsInDays * DAY_MS);
  const { rows } = await pool.query(
    `INSERT INTO subscriptions (user_id, plan_id, status, payment_method, service_ends_at, days_total, overrides, is_current)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      userId,
      sub.planId,
      sub.status ?? (endsAt ? 'active' : 'pending'),
      sub.paymentMethod === undefined ? 'offline' : sub.paymentMethod,
      endsAt,
      Math.max(0, Math.ceil(sub.endsInDays ?? 0)),
      JSON.stringify(sub.overrides ?? {}),
      sub.isCurrent ?? true,
    ],
  );
  return { id: rows[0].id as string, endsAt };
}

export interface ChannelFixture {
  status?: 'pending' | 'active' | 'expired';
  authStatus?: 'pending' | 'qr_generated' | 'authorized' | 'disconnected';
  expiresInDays?: number | null;
  deleted?: boolean;
  name?: string;
  /** The channel token sealed with the app's secret box; screens that show its last 4 characters open it. */
  tokenSealed?: string;
}

/** A channel row as the channels flows leave it (the token is an opaque sealed string here). */
export async function insertChannel(pool: pg.Pool, userId: string, channel: ChannelFixture = {}): Promise<string> {
  const status = channel.status ?? 'active';
  const expiresIn = channel.expiresInDays === undefined ? (status === 'pending' ? null : 10) : channel.expiresInDays;
  const { rows } = await pool.query(
    `INSERT INTO channels (user_id, channel_ref, name, token_sealed, status, auth_status, active_from, expires_at, deleted_at)
     VALUES ($1, $2, $3, $9, $4, $5, $6, $7, $8) RETURNING id`,
    [
      userId,
      `REF-${randomUUID()}`,
      channel.name ?? 'Sales line',
      status,
      channel.authStatus ?? 'authorized',
      expiresIn === null ? null : new Date(Date.now() - DAY_MS),
      expiresIn === null ? null : new Date(Date.now() + expiresIn * DAY_MS),
      channel.deleted ? new Date() : null,
      channel.tokenSealed ?? 'sealed-test-token',
    ],
  );
  return rows[0].id;
}

export async function serviceEndsAt(pool: pg.Pool, userId: string): Promise<Date | null> {
  const { rows } = await pool.query(`SELECT service_ends_at FROM subscriptions WHERE user_id = $1 AND is_current`, [userId]);
  return rows[0]?.service_ends_at ?? null;
}

export { DAY_MS };
