import { randomUUID } from 'node:crypto';
import type { BalanceSummary, TopUpInput } from '../../../contracts/balances';
import type { Db } from '../../db/connect';
import { recordAudit, type Actor } from '../audit/record-audit';
import { changeMainBalance } from './change-main-balance';
import { readBalanceSummary } from './read-balance-summary';

/**
 * Manual top-up (spec 003 "Top Up Balance"): the admin mirrors days bought at WHAPI. Balance, ledger row and audit
 * row commit together; the op id ties the ledger row to its audit entry.
 */
export async function topUpMainBalance(db: Db, actor: Actor, input: TopUpInput): Promise<BalanceSummary> {
  const opId = randomUUID();
  await db.transaction(async (tx) => {
    const { before, after } = await changeMainBalance(tx, {
      type: 'topup',
      days: input.days,
      actorId: actor.userId,
      note: input.note,
      opId,
    });
    await recordAudit(tx, actor, {
      action: 'balance.topup',
      target: { type: 'main_balance', id: '1', label: 'Main balance' },
      reason: input.note,
      meta: { days: input.days, before, after, opId },
    });
  });
  return readBalanceSummary(db);
}
