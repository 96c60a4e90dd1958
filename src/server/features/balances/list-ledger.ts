import { and, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { LedgerFilters, LedgerPage, LedgerQuery, LedgerRow, LedgerType } from '../../../contracts/balances';
import type { Db } from '../../db/connect';
import { balanceTransactions as bt, channels, users } from '../../db/schema/index';

const owner = alias(users, 'owner');
const actor = alias(users, 'actor');

// DOMAIN.md "Ledger": days are stored positive and the type implies the direction; a sync carries its own sign.
const signedDays = sql<number>`CASE WHEN ${bt.type} IN ('allocate', 'user_debit') THEN -${bt.days} ELSE ${bt.days} END`;

function selectLedger(db: Db) {
  return db
    .select({
      id: bt.id,
      type: bt.type,
      days: signedDays,
      channelId: bt.channelId,
      channelName: channels.name,
      channelRef: channels.channelRef,
      userId: bt.userId,
      userEmail: owner.email,
      actorId: bt.actorId,
      actorEmail: actor.email,
      note: bt.note,
      opId: bt.opId,
      createdAt: bt.createdAt,
      // Exact to the microsecond (a JS Date keeps milliseconds): the export's keyset cursor.
      cursor: sql<string>`${bt.createdAt}::text`,
    })
    .from(bt)
    .leftJoin(channels, eq(channels.id, bt.channelId))
    .leftJoin(owner, eq(owner.id, bt.userId))
    .leftJoin(actor, eq(actor.id, bt.actorId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectLedger>['execute']>>[number];

function toRow(row: Selected): LedgerRow {
  return {
    id: row.id.toString(),
    type: row.type as LedgerType,
    days: Number(row.days),
    channel: row.channelId ? { id: row.channelId, name: row.channelName, ref: row.channelRef } : null,
    user: row.userId ? { id: row.userId, email: row.userEmail ?? '' } : null,
    actor: row.actorId ? { id: row.actorId, email: row.actorEmail ?? '' } : null,
    note: row.note,
    opId: row.opId,
    createdAt: row.createdAt.toISOString(),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function ledgerFilter(filters: LedgerFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.type) conditions.push(eq(bt.type, filters.type));
  if (filters.userId) conditions.push(eq(bt.userId, filters.userId));
  if (filters.user) {
    const pattern = `%${escapeLike(filters.user)}%`;
    conditions.push(or(ilike(owner.email, pattern), ilike(owner.name, pattern)));
  }
  if (filters.channelId) conditions.push(eq(bt.channelId, filters.channelId));
  if (filters.from) conditions.push(gte(bt.createdAt, new Date(filters.from)));
  if (filters.to) conditions.push(lte(bt.createdAt, new Date(filters.to)));
  return and(...conditions);
}

/** One page of the ledger, newest first, with channel, user and actor named. */
export async function listLedger(db: Db, query: LedgerQuery): Promise<LedgerPage> {
  const where = ledgerFilter(query);
  // The page's ids first (index order, no joins unless a filter needs the owner), so a deep OFFSET skips narrow
  // rows instead of joining channel, owner and actor for every skipped row (QUALITY P4).
  const pageIds = db
    .select({ id: bt.id })
    .from(bt)
    .leftJoin(owner, eq(owner.id, bt.userId))
    .where(where)
    .orderBy(desc(bt.createdAt), desc(bt.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [rows, [count]] = await Promise.all([
    selectLedger(db).where(inArray(bt.id, pageIds)).orderBy(desc(bt.createdAt), desc(bt.id)),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(bt)
      .leftJoin(owner, eq(owner.id, bt.userId))
      .where(where),
  ]);
  return { items: rows.map(toRow), total: count?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

/**
 * Every row matching the filters, newest first, fetched in batches by keyset (no OFFSET scans, bounded memory), so
 * an export of a long ledger streams instead of loading it all.
 */
export async function* iterateLedger(db: Db, filters: LedgerFilters, batchSize = 1000): AsyncGenerator<LedgerRow> {
  let after: { cursor: string; id: number } | null = null;
  for (;;) {
    const keyset: SQL | undefined = after
      ? sql`(${bt.createdAt}, ${bt.id}) < (${after.cursor}::timestamptz, ${after.id})`
      : undefined;
    const rows: Selected[] = await selectLedger(db)
      .where(and(ledgerFilter(filters), keyset))
      .orderBy(desc(bt.createdAt), desc(bt.id))
      .limit(batchSize);
    for (const row of rows) yield toRow(row);
    if (rows.length < batchSize) return;
    const last: Selected = rows[rows.length - 1]!;
    after = { cursor: last.cursor, id: last.id };
  }
}
