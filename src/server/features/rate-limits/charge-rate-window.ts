import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';

/** The fixed-window counter tables: one key per row, a count and the window's start. */
export type RateTable =
  | { table: 'sign_in_throttle'; counter: 'failures' }
  | { table: 'lead_throttle'; counter: 'hits' }
  | { table: 'upload_throttle'; counter: 'hits' };

export const RATE_TABLES: readonly RateTable[] = [
  { table: 'sign_in_throttle', counter: 'failures' },
  { table: 'lead_throttle', counter: 'hits' },
  { table: 'upload_throttle', counter: 'hits' },
];

export interface RateCharge {
  key: string;
  limit: number;
}

/**
 * Charges one use to each key in one statement and returns the seconds to wait when any key is over its limit.
 * The counters live in PostgreSQL so every process shares them; a window that has passed starts again at 1.
 */
export async function chargeRateWindow(
  db: Db,
  { table, counter }: RateTable,
  windowSeconds: number,
  charges: RateCharge[],
): Promise<{ retryAfter: number } | null> {
  const t = sql.identifier(table);
  const count = sql.identifier(counter);
  const expired = sql`t.window_started_at < now() - make_interval(secs => ${windowSeconds})`;
  const values = sql.join(
    charges.map((charge) => sql`(${charge.key}, 1, now())`),
    sql`, `,
  );
  const result = await db.execute<{ key: string; used: number; wait: number }>(sql`
    INSERT INTO ${t} AS t (key, ${count}, window_started_at) VALUES ${values}
    ON CONFLICT (key) DO UPDATE SET
      ${count} = CASE WHEN ${expired} THEN 1 ELSE t.${count} + 1 END,
      window_started_at = CASE WHEN ${expired} THEN now() ELSE t.window_started_at END
    RETURNING key, t.${count} AS used,
      ceil(extract(epoch FROM t.window_started_at + make_interval(secs => ${windowSeconds}) - now()))::int AS wait
  `);
  const limits = new Map(charges.map((charge) => [charge.key, charge.limit]));
  const over = result.rows.filter((row) => row.used > (limits.get(row.key) ?? Infinity));
  return over.length === 0 ? null : { retryAfter: Math.max(1, ...over.map((row) => row.wait)) };
}
