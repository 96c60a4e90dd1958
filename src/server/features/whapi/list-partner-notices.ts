import { desc, sql } from 'drizzle-orm';
import type { PartnerNoticesPage } from '../../../contracts/whapi-settings';
import type { Db } from '../../db/connect';
import { partnerBalanceNotices } from '../../db/schema/index';

export async function listPartnerNotices(db: Db, page: number, pageSize: number): Promise<PartnerNoticesPage> {
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(partnerBalanceNotices)
      .orderBy(desc(partnerBalanceNotices.receivedAt), desc(partnerBalanceNotices.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(partnerBalanceNotices),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      currentDays: row.currentDays,
      daysLimit: row.daysLimit,
      receivedAt: row.receivedAt.toISOString(),
      raw: row.raw,
    })),
    total: count?.total ?? 0,
    page,
    pageSize,
  };
}
