import { sql } from 'drizzle-orm';
import { CHANNEL_MESSAGES, type ChannelGuard, type ChannelGuardCode } from '../../../contracts/channels';
import { MESSAGES, type ErrorCode } from '../../../contracts/errors';
import { WHAPI_TOKEN_BANNER } from '../../../contracts/whapi-settings';
import { effectiveLimits, serviceState, withinLimit } from '../../../domain/access';
import { PERIOD_DAYS, type BillingPeriod } from '../../../domain/plans';
import { AppError } from '../../app-error';
import type { DbOrTx } from '../../db/connect';
import type { SecretBox } from '../../secrets/secret-box';
import { CURRENT_SUBSCRIPTION_COLUMNS, CURRENT_SUBSCRIPTION_JOIN, toCurrentSubscription, type CurrentSubscription } from '../access/current-subscription';
import { loadWhapiSettings } from '../whapi/whapi-settings-row';

export type Audience = 'user' | 'admin';

/** A channel's owner as the create guards and auto-allocation see them. */
export interface ChannelOwner {
  id: string;
  email: string;
  banned: boolean;
  subscription: CurrentSubscription | null;
  periodDays: number;
}

export async function loadChannelOwner(db: DbOrTx, userId: string, options: { forUpdate?: boolean } = {}): Promise<ChannelOwner | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT u.id, u.email, u.banned, p.billing_period AS billing_period, ${sql.raw(CURRENT_SUBSCRIPTION_COLUMNS)}
    FROM users u ${sql.raw(CURRENT_SUBSCRIPTION_JOIN)}
    WHERE u.id = ${userId}
    ${options.forUpdate ? sql`FOR UPDATE OF u` : sql``}
  `);
  const row = result.rows[0];
  if (!row) return null;
  // drizzle's execute() hands timestamps back as text; the subscription mapper expects a Date.
  if (typeof row.sub_service_ends_at === 'string') row.sub_service_ends_at = new Date(row.sub_service_ends_at);
  const period = row.billing_period as BillingPeriod | null;
  return {
    id: row.id as string,
    email: row.email as string,
    banned: row.banned === true,
    subscription: toCurrentSubscription(row),
    periodDays: period ? PERIOD_DAYS[period] : PERIOD_DAYS.monthly,
  };
}

/** Channels that count against the limit: live ones, and creations already under way (so two tabs can't both pass). */
export async function countChannelsInUse(db: DbOrTx, userId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM channels WHERE user_id = ${userId} AND deleted_at IS NULL)
         + (SELECT count(*) FROM channel_operations WHERE user_id = ${userId} AND kind = 'create' AND state = 'started') AS n
  `);
  return Number(result.rows[0]?.n ?? 0);
}

export type WhapiReadiness = 'ready' | 'token' | 'project';

export async function whapiReadiness(db: DbOrTx, box: SecretBox): Promise<WhapiReadiness> {
  const settings = await loadWhapiSettings(db, box);
  if (!settings.partnerTokenSealed || settings.tokenStatus === 'invalid') return 'token';
  return settings.projectId ? 'ready' : 'project';
}

const WHAPI_PROJECT_MISSING = 'Choose the WHAPI project for new channels in Admin → Settings → WHAPI Integration.';

/**
 * "Add Channel" guards in DOMAIN.md order — not banned, active service days, the effective `channels` limit,
 * WHAPI configured — each with its message, worded for the person who sees it.
 */
export function evaluateChannelGuard(
  owner: ChannelOwner,
  used: number,
  whapi: WhapiReadiness,
  audience: Audience,
  now: Date = new Date(),
): ChannelGuard {
  const limit = effectiveLimits(owner.subscription).channels;
  const deny = (code: ChannelGuardCode, reason: string): ChannelGuard => ({ canAdd: false, code, reason, used, limit });
  if (owner.banned) return deny('banned', audience === 'admin' ? CHANNEL_MESSAGES.userBanned : MESSAGES.accountSuspended);
  if (serviceState(owner.subscription, now) !== 'active') {
    return deny('no_service', audience === 'admin' ? CHANNEL_MESSAGES.userNoServiceDays : CHANNEL_MESSAGES.noServiceDays);
  }
  if (!withinLimit(limit, used)) return deny('limit_reached', CHANNEL_MESSAGES.limitReached);
  if (whapi !== 'ready') {
    const adminReason = whapi === 'token' ? WHAPI_TOKEN_BANNER : WHAPI_PROJECT_MISSING;
    return deny('whapi_unavailable', audience === 'admin' ? adminReason : CHANNEL_MESSAGES.serviceUnavailable);
  }
  return { canAdd: true, code: null, reason: null, used, limit };
}

const GUARD_ERRORS: Record<ChannelGuardCode, ErrorCode> = {
  banned: 'FORBIDDEN',
  no_service: 'FORBIDDEN',
  limit_reached: 'LIMIT_REACHED',
  whapi_unavailable: 'WHAPI_NOT_CONFIGURED',
};

export function requireChannelGuard(guard: ChannelGuard): void {
  if (guard.canAdd || !guard.code) return;
  throw new AppError(GUARD_ERRORS[guard.code], guard.reason ?? 'A channel cannot be added now.');
}

/** The guard as the screens show it (the disabled Add Channel button and its reason). */
export async function describeChannelGuard(
  deps: { db: DbOrTx; box: SecretBox },
  userId: string,
  audience: Audience,
): Promise<{ guard: ChannelGuard; owner: ChannelOwner } | null> {
  const owner = await loadChannelOwner(deps.db, userId);
  if (!owner) return null;
  const [used, whapi] = await Promise.all([countChannelsInUse(deps.db, userId), whapiReadiness(deps.db, deps.box)]);
  return { guard: evaluateChannelGuard(owner, used, whapi, audience), owner };
}
