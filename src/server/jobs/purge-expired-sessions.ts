import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from './define-job';

// Absolute session lifetime in days, mirrored from features/auth/better-auth.ts (jobs may not import features).
const ABSOLUTE_DAYS = 30;

export const purgeExpiredSessions = defineJob({
  name: 'purge-expired-sessions',
  payload: z.object({}).passthrough(),
  cron: '17 3 * * *',
  async handler(_payload, { db, log }) {
    const sessions = await db.execute(sql`
      DELETE FROM sessions
      WHERE expires_at < now() OR created_at < now() - make_interval(days => ${ABSOLUTE_DAYS})
    `);
    // Rate counters (features/rate-limits) whose window has long passed carry no information any more.
    let counters = 0;
    for (const table of ['sign_in_throttle', 'lead_throttle', 'upload_throttle']) {
      const purged = await db.execute(
        sql`DELETE FROM ${sql.identifier(table)} WHERE window_started_at < now() - interval '1 day'`,
      );
      counters += purged.rowCount ?? 0;
    }
    log.info({ sessions: sessions.rowCount, counters }, 'purged expired sessions and stale rate counters');
  },
});
