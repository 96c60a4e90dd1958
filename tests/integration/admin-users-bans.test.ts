import { describe, expect, it } from 'vitest';
import { autoAllocateChannelsJob } from '../../src/server/features/channels/auto-allocate-ref';
import { signUpAdmin, signUpUser, startTestApp, TestClient } from '../support/test-app';
import { insertPlan, subscribe } from './admin-users-fixtures';

// Ban / Unban from Admin → Users (spec 004 §5): every session refused at once (QUALITY S1), the badge and reason in
// the list and details, and nothing queued for a banned user does anything (QUALITY S2).
const testApp = await startTestApp({ jobs: true });
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);
const SUSPENDED = 'Your account is currently suspended. Please contact support.';

async function activeUser() {
  const planId = await insertPlan(pool, { limits: { channels: 3 } });
  const user = await signUpUser(app, { ip: '10.40.0.1' });
  await subscribe(pool, user.id, { planId, endsInDays: 20 });
  return user;
}

async function row(userId: string) {
  const list = await admin.client.get(`/api/admin/users?q=${userId ? encodeURIComponent((await email(userId))!) : ''}`);
  return list.json().items[0];
}

async function email(userId: string): Promise<string | undefined> {
  return (await pool.query(`SELECT email FROM users WHERE id = $1`, [userId])).rows[0]?.email;
}

async function autoAllocateJobs(userId: string): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'userId' = $2`, [
    autoAllocateChannelsJob.name,
    userId,
  ]);
  return rows[0].n;
}

describe('banning from Admin → Users', () => {
  it('signs out all three live sessions on their next request and shows Banned with the reason until unbanned', async () => {
    const user = await activeUser();
    const sessions = [user.client];
    for (const ip of ['10.40.0.2', '10.40.0.3']) {
      const client = new TestClient(app, ip);
      expect((await client.post('/api/auth/sign-in', { email: user.email, password: user.password })).statusCode).toBe(200);
      sessions.push(client);
    }
    const ban = await admin.client.post(`/api/admin/users/${user.id}/ban`, { reason: 'Sending spam to customers' });
    expect(ban.statusCode).toBe(200);

    for (const client of sessions) {
      const response = await client.get('/api/me');
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toEqual({ code: 'ACCOUNT_SUSPENDED', message: SUSPENDED });
      expect(response.cookies.find((c) => c.name === 'omniplus.session_token')).toMatchObject({ value: '', maxAge: 0 });
    }
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [user.id]);
    expect(rows[0].n).toBe(0);

    expect(await row(user.id)).toMatchObject({ userStatus: 'banned', status: 'banned', banReason: 'Sending spam to customers', daysRemaining: 20 });
    const banned = (await admin.client.get(`/api/admin/users?status=banned&q=${encodeURIComponent(user.email)}`)).json();
    expect(banned.total).toBe(1);

    expect((await admin.client.post(`/api/admin/users/${user.id}/unban`)).statusCode).toBe(200);
    expect(await row(user.id)).toMatchObject({ userStatus: 'active', status: 'active', banReason: null });
    const audit = await pool.query(
      `SELECT action, actor_id, reason, ip FROM audit_log WHERE target_id = $1 AND action IN ('user.ban', 'user.unban') ORDER BY id`,
      [user.id],
    );
    expect(audit.rows).toEqual([
      { action: 'user.ban', actor_id: admin.id, reason: 'Sending spam to customers', ip: '127.0.0.1' },
      { action: 'user.unban', actor_id: admin.id, reason: null, ip: '127.0.0.1' },
    ]);
  });
});

describe('background work of a banned user (QUALITY S2)', () => {
  it('queues channel auto-allocation when an admin adds days to an active user, and nothing for a banned one', async () => {
    const active = await activeUser();
    const banned = await activeUser();
    await admin.client.post(`/api/admin/users/${banned.id}/ban`, { reason: 'Fraud' });
    for (const user of [active, banned]) {
      const response = await admin.client.post(`/api/admin/users/${user.id}/days`, { delta: 5, reason: 'Goodwill' });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect(await autoAllocateJobs(active.id)).toBe(1);
    expect(await autoAllocateJobs(banned.id)).toBe(0);
    // The days themselves are still credited: a ban stops work, not the admin's bookkeeping.
    expect((await row(banned.id)).daysRemaining).toBe(25);
  });
});
