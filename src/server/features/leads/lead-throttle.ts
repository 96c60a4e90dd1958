import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';

// Spam control for the public lead form: fixed one-hour windows counted in PostgreSQL so every process
// shares them. A person rarely sends more than one request; these limits only stop floods.
export const LEAD_WINDOW_SECONDS = 60 * 60;
export const LEADS_PER_IP = 5;
export const LEADS_PER_EMAIL = 3;

/** Charges one request to the IP and the email; returns seconds to wait when either is over its limit. */
export async function chargeLeadRequest(db: Db, { ip, email }: { ip: string; email: string }): Promise<{ retryAfter: number } | null> {
  const ipKey = `ip:${ip}`;
  const emailKey = `email:${email.toLowerCase()}`;
  const result = await db.execute<{ key: string; hits: number; wait: number }>(sql`
    INSERT INTO lead_throttle AS t (key, hits, window_started_at)
    VALUES (${ipKey}, 1, now()), (${emailKey}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN t.window_started_at < now() - make_interval(secs => ${LEAD_WINDOW_SECONDS})
                  THEN 1 ELSE t.hits + 1 END,
      window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => ${LEAD_WINDOW_SECONDS})
                  THEN now() ELSE t.window_started_at END
    RETURNING key, hits,
      ceil(extract(epoch FROM t.window_started_at + make_interval(secs => ${LEAD_WINDOW_SECONDS}) - now()))::int AS wait
  `);
  const over = result.rows.filter((row) => row.hits > (row.key === ipKey ? LEADS_PER_IP : LEADS_PER_EMAIL));
  if (over.length === 0) return null;
  return { retryAfter: Math.max(1, ...over.map((row) => row.wait)) };
}
