import { sql } from 'drizzle-orm';
import { MESSAGES } from '../../../contracts/errors';
import { AppError } from '../../app-error';
import type { Tx } from '../../db/connect';
import { balanceTransactions } from '../../db/schema/index';

export type MainBalanceEntry = {
  channelId?: string | null;
  userId?: string | null;
  actorId: string | null;
  note: string;
  opId?: string | null;
} & (
  | { type: 'topup' | 'refund' | 'allocate'; days: number }
  /** A sync carries its sign: the correction that brings the balance to the partner's figure. */
  | { type: 'sync'; days: number }
);

const SIGN = { topup: 1, refund: 1, sync: 1, allocate: -1 } as const;

/**
 * The one way the admin main balance changes (DOMAIN.md "Days" §2): a guarded UPDATE that can never take the
 * balance below zero, plus exactly one ledger row, in the caller's transaction. Concurrent allocations serialise
 * on the single row; the loser of a race for the last days gets the "Insufficient main balance" answer.
 */
export async function changeMainBalance(tx: Tx, entry: MainBalanceEntry): Promise<{ before: number; after: number }> {
  if (!Number.isInteger(entry.days) || entry.days === 0 || (entry.type !== 'sync' && entry.days < 0)) {
    throw new Error(`invalid ledger days ${entry.days} for ${entry.type}`);
  }
  const delta = SIGN[entry.type] * entry.days;
  const result = await tx.execute<{ days: number }>(sql`
    UPDATE main_balance SET days = days + ${delta}, updated_at = now()
    WHERE id = 1 AND days + ${delta} >= 0
    RETURNING days
  `);
  const after = result.rows[0]?.days;
  if (after === undefined) throw new AppError('INSUFFICIENT_BALANCE', MESSAGES.insufficientMainBalance);
  await tx.insert(balanceTransactions).values({
    type: entry.type,
    days: entry.days,
    channelId: entry.channelId ?? null,
    userId: entry.userId ?? null,
    actorId: entry.actorId,
    note: entry.note,
    opId: entry.opId ?? null,
  });
  return { before: after - delta, after };
}

/** Reads the balance (no lock): for pre-checks and screens; the guarded UPDATE above is what decides. */
export async function readMainBalance(tx: Pick<Tx, 'execute'>): Promise<number> {
  const result = await tx.execute<{ days: number }>(sql`SELECT days FROM main_balance WHERE id = 1`);
  return result.rows[0]?.days ?? 0;
}
