import { and, eq, sql } from 'drizzle-orm';
import type { ErrorCode } from '../../../contracts/errors';
import { AppError } from '../../app-error';
import type { DbOrTx, Tx } from '../../db/connect';
import { channelOperations } from '../../db/schema/index';

// The operations journal (QUALITY L8, L3): a row is written before WHAPI is called and finished after our
// commit. A `started` row holds its place: no second change of the same channel may start, and a started
// extend keeps its days reserved against the main balance until the reconciler settles it.

export type OperationRow = typeof channelOperations.$inferSelect;
export type OperationKind = OperationRow['kind'];

export const IN_PROGRESS_MESSAGE = 'Another change to this channel is still in progress. Try again in a moment.';
export const KEY_REUSED_MESSAGE = 'This Idempotency-Key was already used for a different request.';
const STILL_RUNNING_MESSAGE = 'The first request with this Idempotency-Key is still being processed. Try again in a moment.';

/** What a finished operation answered, kept so that a repeated Idempotency-Key gets the very same answer. */
type StoredResult = { reply?: unknown; error?: { code: ErrorCode; message: string }; [key: string]: unknown };

export async function findOperationByKey(tx: DbOrTx, kind: OperationKind, actorId: string | null, key: string): Promise<OperationRow | null> {
  const [row] = await tx
    .select()
    .from(channelOperations)
    .where(
      and(
        eq(channelOperations.kind, kind),
        actorId === null ? sql`${channelOperations.actorId} IS NULL` : eq(channelOperations.actorId, actorId),
        eq(channelOperations.idempotencyKey, key),
      ),
    );
  return row ?? null;
}

/** Throws while another operation on the channel has not been settled. Call with the channel (or balance) locked. */
export async function requireNoOperationInProgress(tx: Tx, channelId: string): Promise<void> {
  const [busy] = await tx
    .select({ id: channelOperations.id })
    .from(channelOperations)
    .where(and(eq(channelOperations.channelId, channelId), eq(channelOperations.state, 'started')))
    .limit(1);
  if (busy) throw new AppError('CONFLICT', IN_PROGRESS_MESSAGE);
}

/** Days held by extends that WHAPI may already have carried out but we have not committed yet. */
export async function reservedExtendDays(tx: Tx): Promise<number> {
  const result = await tx.execute<{ days: number }>(
    sql`SELECT coalesce(sum(days), 0)::int AS days FROM channel_operations WHERE kind = 'extend' AND state = 'started'`,
  );
  return result.rows[0]?.days ?? 0;
}

export async function startOperation(tx: Tx, values: typeof channelOperations.$inferInsert): Promise<OperationRow> {
  const [row] = await tx.insert(channelOperations).values(values).returning();
  return row!;
}

/** Adds facts learned from WHAPI to a started operation (what the reconciler will need after a crash). */
export async function noteOperation(db: DbOrTx, op: OperationRow, patch: { request?: object; result?: object }): Promise<void> {
  await db
    .update(channelOperations)
    .set({
      ...(patch.request ? { request: { ...(op.request as object), ...patch.request } } : {}),
      ...(patch.result ? { result: { ...((op.result as object | null) ?? {}), ...patch.result } } : {}),
    })
    .where(eq(channelOperations.id, op.id));
}

/**
 * Moves a started operation to its final state, once: the guarded UPDATE lets exactly one finisher through
 * (the request itself, or the reconciler), so the business change it guards is applied at most once.
 */
export async function claimOperation(
  tx: Tx,
  opId: string,
  state: 'succeeded' | 'repaired' | 'failed' | 'reverted',
): Promise<OperationRow | null> {
  const [row] = await tx
    .update(channelOperations)
    .set({ state, finishedAt: new Date() })
    .where(and(eq(channelOperations.id, opId), eq(channelOperations.state, 'started')))
    .returning();
  return row ?? null;
}

export async function storeReply(tx: Tx, op: OperationRow, reply: unknown): Promise<void> {
  await tx
    .update(channelOperations)
    .set({ result: { ...((op.result as object | null) ?? {}), reply } })
    .where(eq(channelOperations.id, op.id));
}

/** Records a failure that changed nothing at WHAPI: the operation ends and its reservation is released. */
export async function failOperation(db: DbOrTx, op: OperationRow, error: unknown, state: 'failed' | 'reverted' = 'failed'): Promise<void> {
  const stored = error instanceof AppError ? { code: error.code, message: error.message } : { code: 'INTERNAL' as const, message: String(error) };
  await db
    .update(channelOperations)
    .set({ state, finishedAt: new Date(), error: stored.message, result: { ...((op.result as object | null) ?? {}), error: stored } })
    .where(and(eq(channelOperations.id, op.id), eq(channelOperations.state, 'started')));
}

/**
 * QUALITY L3: a repeated Idempotency-Key returns the first answer (waiting for it while it is still being made),
 * and the same key with another body is refused with 422.
 */
export async function replayOperation<T>(db: DbOrTx, op: OperationRow, fingerprint: string, options: { waitMs?: number } = {}): Promise<T> {
  if ((op.request as { fingerprint?: string }).fingerprint !== fingerprint) throw new AppError('UNPROCESSABLE', KEY_REUSED_MESSAGE);
  const deadline = Date.now() + (options.waitMs ?? 20_000);
  let current: OperationRow = op;
  while (current.state === 'started' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [row] = await db.select().from(channelOperations).where(eq(channelOperations.id, op.id));
    current = row!;
  }
  const result = (current.result ?? {}) as StoredResult;
  if ((current.state === 'succeeded' || current.state === 'repaired') && result.reply !== undefined) return result.reply as T;
  if (result.error) throw new AppError(result.error.code, result.error.message);
  throw new AppError('CONFLICT', STILL_RUNNING_MESSAGE);
}
