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
    // Sign-in counters whose window has long passed carry no information any more.
    const counters = await db.execute(sql`
      DELETE FROM sign_in_throttle WHERE window_started_at < now() - interval '1 day'
    `);
    log.info({ sessions: sessions.rowCount, counters: counters.rowCount }, 'purged expired sessions');
  },
});
