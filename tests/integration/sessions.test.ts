import { purgeExpiredSessions } from '../../src/server/jobs/purge-expired-sessions';
import { describe, expect, it } from 'vitest';
import { signUpUser, startTestApp } from '../support/test-app';

// QUALITY S4: a session unused for 3 days ends (idle), none lives past 30 days (absolute), and a nightly job
// removes the rows of both.
const testApp = await startTestApp({ jobs: true });
const { app } = testApp;
const pool = testApp.database.pool;

async function sessionsOf(userId: string) {
  const { rows } = await pool.query(`SELECT id, expires_at, created_at FROM sessions WHERE user_id = $1`, [userId]);
  return rows;
}

async function ageSessions(userId: string, set: string): Promise<void> {
  const { rowCount } = await pool.query(`UPDATE sessions SET ${set} WHERE user_id = $1`, [userId]);
  expect(rowCount).toBe(1);
}

describe('session lifetimes (QUALITY S4)', () => {
  it('ends a session whose idle deadline has passed', async () => {
    const { client, id } = await signUpUser(app);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    await ageSessions(id, `expires_at = now() - interval '1 minute'`);
    const response = await client.get('/api/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('moves the idle deadline forward when the session is used after an hour', async () => {
    const { client, id } = await signUpUser(app);
    await ageSessions(id, `expires_at = now() + interval '2 days', updated_at = now() - interval '1 day'`);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    const [session] = await sessionsOf(id);
    const daysLeft = (new Date(session.expires_at).getTime() - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(2.9);
  });

  it('ends a session older than 30 days however active, deletes its row and clears the cookie', async () => {
    const { client, id } = await signUpUser(app);
    await ageSessions(id, `created_at = now() - interval '31 days'`);
    const response = await client.get('/api/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
    expect(response.cookies.find((c) => c.name === 'omniplus.session_token')).toMatchObject({ value: '', maxAge: 0 });
    expect(await sessionsOf(id)).toEqual([]);
  });

  it('keeps a 29-day-old session that is still within its idle deadline', async () => {
    const { client, id } = await signUpUser(app);
    await ageSessions(id, `created_at = now() - interval '29 days'`);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect(await sessionsOf(id)).toHaveLength(1);
  });
});

describe('the purge-expired-sessions job', () => {
  it('deletes idle-expired and over-age sessions and keeps live ones', async () => {
    const live = await signUpUser(app);
    const idle = await signUpUser(app);
    const old = await signUpUser(app);
    await ageSessions(idle.id, `expires_at = now() - interval '1 hour'`);
    await ageSessions(old.id, `created_at = now() - interval '31 days'`);

    await testApp.jobs!.runNow(purgeExpiredSessions, {});

    expect(await sessionsOf(live.id)).toHaveLength(1);
    expect(await sessionsOf(idle.id)).toEqual([]);
    expect(await sessionsOf(old.id)).toEqual([]);
    expect((await live.client.get('/api/me')).statusCode).toBe(200);
  });

  it('forgets sign-in counters whose window ended more than a day ago and keeps recent ones', async () => {
    await pool.query(
      `INSERT INTO sign_in_throttle (key, failures, window_started_at)
       VALUES ('ip:192.0.2.1', 9, now() - interval '2 days'), ('ip:192.0.2.2', 3, now() - interval '5 minutes')`,
    );
    await testApp.jobs!.runNow(purgeExpiredSessions, {});
    const { rows } = await pool.query(`SELECT key FROM sign_in_throttle WHERE key LIKE 'ip:192.0.2.%' ORDER BY key`);
    expect(rows).toEqual([{ key: 'ip:192.0.2.2' }]);
  });

  it('forgets stale lead and upload counters too, and keeps recent ones', async () => {
    await pool.query(
      `INSERT INTO lead_throttle (key, hits, window_started_at)
       VALUES ('ip:198.51.100.1', 4, now() - interval '3 days'), ('ip:198.51.100.2', 1, now())`,
    );
    await pool.query(
      `INSERT INTO upload_throttle (key, hits, window_started_at)
       VALUES ('proof:old', 7, now() - interval '2 days'), ('proof:new', 2, now())`,
    );
    await testApp.jobs!.runNow(purgeExpiredSessions, {});
    const leads = await pool.query(`SELECT key FROM lead_throttle WHERE key LIKE 'ip:198.51.100.%'`);
    const uploads = await pool.query(`SELECT key FROM upload_throttle WHERE key LIKE 'proof:%'`);
    expect(leads.rows).toEqual([{ key: 'ip:198.51.100.2' }]);
    expect(uploads.rows).toEqual([{ key: 'proof:new' }]);
  });

  it('can run twice without harm', async () => {
    const live = await signUpUser(app);
    await testApp.jobs!.runNow(purgeExpiredSessions, {});
    await testApp.jobs!.runNow(purgeExpiredSessions, {});
    expect(await sessionsOf(live.id)).toHaveLength(1);
  });
});

describe('reading the session cookie', () => {
  it('re-sends the cookie when the sliding refresh moves the idle deadline', async () => {
    const { client, id } = await signUpUser(app);
    await ageSessions(id, `expires_at = now() + interval '2 days'`);
    const response = await client.get('/api/me');
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'omniplus.session_token');
    expect(cookie?.maxAge).toBeGreaterThan(2.9 * 86_400);
  });

  it('writes nothing for a session used again within the hour', async () => {
    const { client, id } = await signUpUser(app);
    const [before] = await sessionsOf(id);
    const response = await client.get('/api/me');
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    const [after] = await sessionsOf(id);
    expect(after.expires_at).toEqual(before.expires_at);
  });

  it('refuses a cookie whose signature was tampered with, even for a live session', async () => {
    const { client } = await signUpUser(app);
    const value = decodeURIComponent(client.cookies.get('omniplus.session_token')!);
    const token = value.slice(0, value.lastIndexOf('.'));
    const forged = `${token}.${Buffer.alloc(32, 7).toString('base64')}`;
    client.cookies.set('omniplus.session_token', encodeURIComponent(forged));
    expect((await client.get('/api/me')).statusCode).toBe(401);
    client.cookies.set('omniplus.session_token', encodeURIComponent(token));
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });
});
