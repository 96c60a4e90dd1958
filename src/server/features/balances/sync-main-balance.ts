import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { BALANCE_MESSAGES, type BalanceSummary } from '../../../contracts/balances';
import { AppError, notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { partnerBalanceNotices } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { changeMainBalance } from './change-main-balance';
import { findLatestPartnerNotice } from './find-latest-partner-notice';
import { readBalanceSummary } from './read-balance-summary';

export type SyncResult = BalanceSummary & { correction: number };

/**
 * "Sync with partner balance" (spec 003 note on delete: drift is reconciled "via a type='sync' transaction"): one
 * signed `sync` row that sets the main balance to the latest notice's current_days. Only the latest notice counts —
 * an older one would undo what happened since. The balance row is locked before the correction is computed, so two
 * admins confirming at once record one correction and the second is told there is nothing left to sync.
 */
export async function syncMainBalance(db: Db, actor: Actor, noticeId: string): Promise<SyncResult> {
  const correction = await db.transaction(async (tx) => {
    const [notice] = await tx
      .select({ id: partnerBalanceNotices.id, currentDays: partnerBalanceNotices.currentDays })
      .from(partnerBalanceNotices)
      .where(eq(partnerBalanceNotices.id, BigInt(noticeId)));
    if (!notice) throw notFound('Partner notice');
    const latest = await findLatestPartnerNotice(tx);
    if (latest?.id !== noticeId) throw new AppError('CONFLICT', BALANCE_MESSAGES.syncNotLatest);
    if (notice.currentDays === null) throw new AppError('CONFLICT', BALANCE_MESSAGES.syncNoDays);
    if (notice.currentDays < 0) throw new AppError('CONFLICT', BALANCE_MESSAGES.syncNegative);

    const locked = await tx.execute<{ days: number }>(sql`SELECT days FROM main_balance WHERE id = 1 FOR UPDATE`);
    const ours = locked.rows[0]?.days ?? 0;
    const delta = notice.currentDays - ours;
    if (delta === 0) throw new AppError('CONFLICT', BALANCE_MESSAGES.syncAlreadyEqual);

    const opId = randomUUID();
    const { before, after } = await changeMainBalance(tx, {
      type: 'sync',
      days: delta,
      actorId: actor.userId,
      note: `Synced with partner balance notice #${noticeId} (${notice.currentDays} days)`,
      opId,
    });
    await recordAudit(tx, actor, {
      action: 'balance.sync',
      target: { type: 'main_balance', id: '1', label: 'Main balance' },
      meta: { noticeId, partnerDays: notice.currentDays, correction: delta, before, after, opId },
    });
    return delta;
  });
  return { ...(await readBalanceSummary(db)), correction };
}
