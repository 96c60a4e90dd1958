import { and, count, desc, eq, isNull, like, type SQL } from 'drizzle-orm';
import type { OutboxMessage, OutboxPage, OutboxQuery } from '../../../contracts/messaging';
import type { DbOrTx } from '../../db/connect';
import { outboxMessages } from '../../db/schema/index';
import { selectOutboxViews, toOutboxMessage } from './outbox-view';

/** Digits the person typed, matched anywhere in the number; LIKE's own wildcards cannot be smuggled in. */
function recipientLike(search: string): string | null {
  const digits = search.replace(/\D/g, '');
  return digits ? `%${digits}%` : null;
}

/** Page Outbox: the caller's outgoing messages, newest first (the (user, created_at, id) index serves it). */
export async function listOutbox(db: DbOrTx, userId: string, query: OutboxQuery): Promise<OutboxPage> {
  const conditions: SQL[] = [eq(outboxMessages.userId, userId)];
  if (query.status) conditions.push(eq(outboxMessages.status, query.status));
  if (query.campaignId) conditions.push(eq(outboxMessages.campaignId, query.campaignId));
  const pattern = query.search ? recipientLike(query.search) : null;
  if (pattern) conditions.push(like(outboxMessages.recipient, pattern));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectOutboxViews(db)
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(outboxMessages).where(where),
  ]);
  return { items: rows.map(toOutboxMessage), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** The Send page's "Recent messages": the caller's ten latest single messages. */
export async function listRecentSingles(db: DbOrTx, userId: string): Promise<OutboxMessage[]> {
  const rows = await selectOutboxViews(db)
    .where(and(eq(outboxMessages.userId, userId), isNull(outboxMessages.campaignId)))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(10);
  return rows.map(toOutboxMessage);
}
