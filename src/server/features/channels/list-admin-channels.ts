import { and, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AdminChannelFilters, AdminChannelPage } from '../../../contracts/channels';
import { channels, subscriptions, users } from '../../db/schema/index';
import type { ChannelDeps } from './channel-deps';
import { selectChannelViews, toAdminChannel } from './channel-row';

// The display status of channel-row.ts in SQL, so the admin can filter and count on it (DOMAIN.md precedence).
const ownerExpired = sql`(${subscriptions.status} IS NOT NULL AND ${subscriptions.status} <> 'pending'
  AND ${subscriptions.serviceEndsAt} IS NOT NULL
  AND (${subscriptions.status} = 'canceled' OR ${subscriptions.serviceEndsAt} <= now()))`;
const displayStatus = sql<string>`CASE
  WHEN ${users.banned} OR ${ownerExpired} OR (${channels.expiresAt} IS NOT NULL AND ${channels.expiresAt} <= now()) THEN 'suspended'
  WHEN ${channels.authStatus} = 'disconnected' THEN 'disconnected'
  WHEN ${channels.authStatus} IN ('pending', 'qr_generated') THEN 'unauthorized'
  ELSE 'active' END`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function baseFilter(query: AdminChannelFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(channels.deletedAt)];
  if (query.userId) conditions.push(eq(channels.userId, query.userId));
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    const digits = query.search.replace(/\D/g, '');
    conditions.push(
      or(
        ilike(channels.name, pattern),
        ilike(channels.phone, pattern),
        ilike(channels.channelRef, pattern),
        ilike(users.email, pattern),
        ilike(users.name, pattern),
        // "+973 3612 3456" and "97336123456" both find +97336123456.
        digits.length >= 4 ? ilike(channels.phone, `%${digits}%`) : undefined,
      ),
    );
  }
  if (query.billing === 'pending') conditions.push(isNull(channels.expiresAt));
  if (query.billing === 'active') conditions.push(sql`${channels.expiresAt} > now()`);
  if (query.billing === 'expired') conditions.push(sql`${channels.expiresAt} <= now()`);
  return and(...conditions);
}

/** Admin → Channels: search over name/phone/owner/channel id, filters, server-side pages, counts per status. */
export async function listAdminChannels(deps: Pick<ChannelDeps, 'db' | 'box'>, q: AdminChannelFilters): Promise<AdminChannelPage> {
  const base = baseFilter(q);
  const where = q.status ? and(base, sql`${displayStatus} = ${q.status}`) : base;
  const joined = () =>
    deps.db
      .select({
        total: sql<number>`count(*)::int`,
        filtered: q.status ? sql<number>`count(*) FILTER (WHERE ${displayStatus} = ${q.status})::int` : sql<number>`count(*)::int`,
        active: sql<number>`count(*) FILTER (WHERE ${displayStatus} = 'active')::int`,
        unauthorized: sql<number>`count(*) FILTER (WHERE ${displayStatus} = 'unauthorized')::int`,
        disconnected: sql<number>`count(*) FILTER (WHERE ${displayStatus} = 'disconnected')::int`,
        suspended: sql<number>`count(*) FILTER (WHERE ${displayStatus} = 'suspended')::int`,
        pending: sql<number>`count(*) FILTER (WHERE ${channels.expiresAt} IS NULL)::int`,
      })
      .from(channels)
      .innerJoin(users, eq(users.id, channels.userId))
      .leftJoin(subscriptions, and(eq(subscriptions.userId, channels.userId), eq(subscriptions.isCurrent, true)));
  // The page's ids first (narrow rows, so a deep OFFSET skips cheaply), then the full views of those rows only.
  const pageIds = deps.db
    .select({ id: channels.id })
    .from(channels)
    .innerJoin(users, eq(users.id, channels.userId))
    .leftJoin(subscriptions, and(eq(subscriptions.userId, channels.userId), eq(subscriptions.isCurrent, true)))
    .where(where)
    .orderBy(desc(channels.createdAt), desc(channels.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [rows, [counts]] = await Promise.all([
    selectChannelViews(deps.db).where(inArray(channels.id, pageIds)).orderBy(desc(channels.createdAt), desc(channels.id)),
    joined().where(base),
  ]);
  const now = new Date();
  return {
    items: rows.map((view) => toAdminChannel(view, deps.box, now)),
    total: counts?.filtered ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    counts: {
      total: counts?.total ?? 0,
      active: counts?.active ?? 0,
      unauthorized: counts?.unauthorized ?? 0,
      disconnected: counts?.disconnected ?? 0,
      suspended: counts?.suspended ?? 0,
      pending: counts?.pending ?? 0,
    },
  };
}
