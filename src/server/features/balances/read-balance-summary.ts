import { sql } from 'drizzle-orm';
import type { BalanceSummary } from '../../../contracts/balances';
import type { DbOrTx } from '../../db/connect';
import { findLatestPartnerNotice } from './find-latest-partner-notice';

/**
 * The main balance next to the sum of its ledger rows (DOMAIN.md "Ledger": "a check proves it") and the latest
 * partner notice. Balance and sum come from one statement, so they are read in one snapshot: a top-up committing
 * in between can never make a consistent ledger look broken.
 */
export async function readBalanceSummary(db: DbOrTx): Promise<BalanceSummary> {
  const [balance, notice] = await Promise.all([
    db.execute<{ days: number; updated_at: Date | string; ledger_sum: string }>(sql`
      SELECT mb.days, mb.updated_at,
        (SELECT COALESCE(SUM(CASE WHEN bt.type = 'allocate' THEN -bt.days ELSE bt.days END), 0)
           FROM balance_transactions bt
          WHERE bt.type IN ('topup', 'allocate', 'refund', 'sync'))::text AS ledger_sum
      FROM main_balance mb WHERE mb.id = 1
    `),
    findLatestPartnerNotice(db),
  ]);
  const row = balance.rows[0];
  const days = row?.days ?? 0;
  const sum = Number(row?.ledger_sum ?? 0);
  const partner = notice
    ? {
        noticeId: notice.id,
        currentDays: notice.currentDays,
        daysLimit: notice.daysLimit,
        receivedAt: notice.receivedAt.toISOString(),
      }
    : null;
  return {
    mainBalance: { days, updatedAt: new Date(row?.updated_at ?? Date.now()).toISOString() },
    ledger: { sum, consistent: sum === days },
    partner,
    difference: partner?.currentDays == null ? null : partner.currentDays - days,
  };
}
