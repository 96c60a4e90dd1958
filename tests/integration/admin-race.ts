import type pg from 'pg';

/** Leaves exactly these admins active, so that "the last active admin" means one of them. */
export async function onlyTheseAdmins(pool: pg.Pool, ids: string[]): Promise<void> {
  await pool.query(`UPDATE users SET role = 'user' WHERE role = 'admin' AND NOT (id = ANY($1))`, [ids]);
}

/**
 * Starts the requests while this test holds every active admin row, waits until each of them is past the access
 * guard and queued on those locks (features/users/lock-active-admins.ts), then lets them all go at once. This turns
 * "two admins act on each other at the same moment" into a deterministic race instead of a lucky one.
 */
export async function raceOnAdminLocks<T>(pool: pg.Pool, start: () => Promise<T>[]): Promise<T[]> {
  const holder = await pool.connect();
  try {
    await holder.query(`BEGIN; SELECT id FROM users WHERE role = 'admin' AND NOT banned FOR UPDATE`);
    const requests = start();
    const racing = Promise.all(requests);
    await waitForLockWaiters(pool, requests.length);
    await holder.query('COMMIT');
    return await racing;
  } finally {
    holder.release();
  }
}

async function waitForLockWaiters(pool: pg.Pool, count: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].n >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} requests ever waited on the admin locks`);
}
