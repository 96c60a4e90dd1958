import type { Db } from '../../db/connect';
import { chargeRateWindow } from '../rate-limits/charge-rate-window';

// Spam control for the public lead form: fixed one-hour windows counted in PostgreSQL so every process
// shares them. A person rarely sends more than one request; these limits only stop floods.
export const LEAD_WINDOW_SECONDS = 60 * 60;
export const LEADS_PER_IP = 5;
export const LEADS_PER_EMAIL = 3;

/** Charges one request to the IP and the email; returns seconds to wait when either is over its limit. */
export async function chargeLeadRequest(db: Db, { ip, email }: { ip: string; email: string }): Promise<{ retryAfter: number } | null> {
  return chargeRateWindow(db, { table: 'lead_throttle', counter: 'hits' }, LEAD_WINDOW_SECONDS, [
    { key: `ip:${ip}`, limit: LEADS_PER_IP },
    { key: `email:${email.toLowerCase()}`, limit: LEADS_PER_EMAIL },
  ]);
}
