import { desc, sql } from 'drizzle-orm';
import { WHAPI_TOKEN_BANNER, type PartnerBalance, type WhapiStatus } from '../../../contracts/whapi-settings';
import type { Db } from '../../db/connect';
import { partnerBalanceNotices, whapiSettings } from '../../db/schema/index';

/** The admin banner (spec 000 §2) shows while the token is missing or WHAPI refused it. */
export async function whapiStatus(db: Db): Promise<WhapiStatus> {
  const [[settings], latest] = await Promise.all([
    db.select({ tokenStatus: whapiSettings.tokenStatus }).from(whapiSettings).where(sql`${whapiSettings.id} = 1`),
    latestPartnerBalance(db),
  ]);
  const status = settings?.tokenStatus ?? 'missing';
  return {
    banner: status === 'missing' || status === 'invalid' ? WHAPI_TOKEN_BANNER : null,
    partnerBalance: latest,
  };
}

export async function latestPartnerBalance(db: Db): Promise<PartnerBalance | null> {
  const [row] = await db
    .select()
    .from(partnerBalanceNotices)
    .orderBy(desc(partnerBalanceNotices.receivedAt), desc(partnerBalanceNotices.id))
    .limit(1);
  return row
    ? { currentDays: row.currentDays, daysLimit: row.daysLimit, receivedAt: row.receivedAt.toISOString() }
    : null;
}
