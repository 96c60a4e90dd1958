import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect';
import { messageUsage } from '../../db/schema/index';

export type UsageKind = 'daily' | 'bulk';

export interface UsageCharge {
  userId: string;
  kind: UsageKind;
  window: string;
  count: number;
  /** Effective limit; -1 = unlimited (still counted, so the screens can show what was used). */
  limit: number;
}

/**
 * Charges `count` messages all or nothing; returns the window's new total, or null when it does not fit. One
 * statement does the check and the write: the row lock taken by
 * the upsert makes a concurrent charge wait and then see the new figure, so no interleaving can overshoot
 * (DOMAIN.md "A limit is checked and consumed atomically"). Callers charge last in their transaction, so the lock
 * is held only until the commit (QUALITY P2: every other send of that user waits on it).
 */
export async function chargeUsage(tx: DbOrTx, charge: UsageCharge): Promise<number | null> {
  if (charge.limit !== -1 && charge.count > charge.limit) return null;
  const rows = await tx.execute<{ used: number }>(sql`
    INSERT INTO message_usage (user_id, kind, "window", used)
    VALUES (${charge.userId}, ${charge.kind}, ${charge.window}, ${charge.count})
    ON CONFLICT (user_id, kind, "window") DO UPDATE
      SET used = message_usage.used + EXCLUDED.used, updated_at = now()
      WHERE ${charge.limit} = -1 OR message_usage.used + EXCLUDED.used <= ${charge.limit}
    RETURNING used`);
  return rows.rows[0]?.used ?? null;
}

/**
 * Takes up to `count` messages: what is left of the limit if less (a campaign sends part of a batch today and
 * the rest tomorrow). Returns how many were granted. Locks the row, so concurrent takers share what is left.
 */
export async function takeUsage(tx: DbOrTx, charge: UsageCharge): Promise<number> {
  if (charge.count <= 0) return 0;
  await tx
    .insert(messageUsage)
    .values({ userId: charge.userId, kind: charge.kind, window: charge.window, used: 0 })
    .onConflictDoNothing();
  const where = and(eq(messageUsage.userId, charge.userId), eq(messageUsage.kind, charge.kind), eq(messageUsage.window, charge.window));
  const [row] = await tx.select({ used: messageUsage.used }).from(messageUsage).where(where).for('update');
  const used = row?.used ?? 0;
  const granted = charge.limit === -1 ? charge.count : Math.max(0, Math.min(charge.count, charge.limit - used));
  if (granted > 0) await tx.update(messageUsage).set({ used: sql`${messageUsage.used} + ${granted}`, updatedAt: new Date() }).where(where);
  return granted;
}

/** Gives back messages that were charged but will not be sent (a cancelled campaign, a batch cut short). */
export async function refundUsage(tx: DbOrTx, refund: Omit<UsageCharge, 'limit'>): Promise<void> {
  if (refund.count <= 0) return;
  await tx
    .update(messageUsage)
    .set({ used: sql`greatest(0, ${messageUsage.used} - ${refund.count})`, updatedAt: new Date() })
    .where(and(eq(messageUsage.userId, refund.userId), eq(messageUsage.kind, refund.kind), eq(messageUsage.window, refund.window)));
}

export async function readUsage(tx: DbOrTx, userId: string, kind: UsageKind, window: string): Promise<number> {
  const [row] = await tx
    .select({ used: messageUsage.used })
    .from(messageUsage)
    .where(and(eq(messageUsage.userId, userId), eq(messageUsage.kind, kind), eq(messageUsage.window, window)));
  return row?.used ?? 0;
}
