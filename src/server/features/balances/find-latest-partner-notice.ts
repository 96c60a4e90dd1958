import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect';
import { partnerBalanceNotices } from '../../db/schema/index';

export interface LatestPartnerNotice {
  id: string;
  currentDays: number | null;
  daysLimit: number | null;
  receivedAt: Date;
}

/** The newest partner days notice (the same order as the notices list and the header balance), or null. */
export async function findLatestPartnerNotice(db: DbOrTx): Promise<LatestPartnerNotice | null> {
  const [row] = await db
    .select({
      id: partnerBalanceNotices.id,
      currentDays: partnerBalanceNotices.currentDays,
      daysLimit: partnerBalanceNotices.daysLimit,
      receivedAt: partnerBalanceNotices.receivedAt,
    })
    .from(partnerBalanceNotices)
    .orderBy(desc(partnerBalanceNotices.receivedAt), desc(partnerBalanceNotices.id))
    .limit(1);
  return row ? { ...row, id: row.id.toString() } : null;
}
