import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { chargeRateWindow } from '../rate-limits/charge-rate-window';

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
  return chargeRateWindow(db, { table: 'sign_in_throttle', counter: 'failures' }, THROTTLE_WINDOW_SECONDS, [
    { key: keys.account, limit: ATTEMPTS_PER_ACCOUNT },
    { key: keys.ip, limit: ATTEMPTS_PER_IP },
  ]);
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
