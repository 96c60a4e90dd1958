import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DaysHistoryEntry } from '../../../contracts/admin-users';
import type { Db } from '../../db/connect';
import { balanceTransactions, users } from '../../db/schema/index';
import { requireUserExists } from './require-user-exists';

const USER_DAY_TYPES = ['user_credit', 'user_debit'] as const;

/** Every change of the user's service days, newest first: payments, PayPal renewals and admin adjustments. */
export async function listUserDaysHistory(db: Db, userId: string, { page, pageSize }: { page: number; pageSize: number }) {
  await requireUserExists(db, userId);
  const where = and(eq(balanceTransactions.userId, userId), inArray(balanceTransactions.type, USER_DAY_TYPES));
  const [rows, [count]] = await Promise.all([
    db
      .select({ entry: balanceTransactions, actorName: users.name, actorEmail: users.email })
      .from(balanceTransactions)
      .leftJoin(users, eq(users.id, balanceTransactions.actorId))
      .where(where)
      .orderBy(desc(balanceTransactions.createdAt), desc(balanceTransactions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(balanceTransactions).where(where),
  ]);
  const items: DaysHistoryEntry[] = rows.map(({ entry, actorName, actorEmail }) => ({
    id: entry.id.toString(),
    type: entry.type as DaysHistoryEntry['type'],
    days: entry.days,
    note: entry.note,
    actor: entry.actorId ? { id: entry.actorId, name: actorName ?? '', email: actorEmail ?? '' } : null,
    createdAt: entry.createdAt.toISOString(),
  }));
  return { items, total: count?.total ?? 0, page, pageSize };
}
