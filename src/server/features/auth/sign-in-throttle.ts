import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';

// QUALITY A1: attempts are charged *before* the password is hashed, so a flood of guesses (even in parallel)
// costs one counter update each instead of a hash. A success gives the charge back.
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const ATTEMPTS_PER_ACCOUNT = 5;
export const ATTEMPTS_PER_IP = 30;

export interface ThrottleKeys {
  account: string;
  ip: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: `email:${email.toLowerCase()}`, ip: `ip:${ip}` };
}

/** Charges one attempt to both keys; returns seconds to wait when either is over its limit, else null. */
export async function chargeSignInAttempt(db: Db, keys: ThrottleKeys): Promise<{ retryAfter: number } | null> {
  const result = await db.execute<{ key: string; failures: number; wait: number }>(sql`
    INSERT INTO sign_in_throttle AS t (key, failures, window_started_at)
    VALUES (${keys.account}, 1, now()), (${keys.ip}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at < now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})
                      THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})
                      THEN now() ELSE t.window_started_at END
    RETURNING key, failures,
      ceil(extract(epoch FROM t.window_started_at + make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) - now()))::int AS wait
  `);
  const over = result.rows.filter(
    (row) => row.failures > (row.key === keys.account ? ATTEMPTS_PER_ACCOUNT : ATTEMPTS_PER_IP),
  );
  if (over.length === 0) return null;
  return { retryAfter: Math.max(1, ...over.map((row) => row.wait)) };
}

/** A correct password: forget the account's failures and give the IP its attempt back. */
export async function refundSignInAttempt(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.execute(sql`
    DELETE FROM sign_in_throttle WHERE key = ${keys.account};
  `);
  await db.execute(sql`
    UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0) WHERE key = ${keys.ip}
  `);
}
