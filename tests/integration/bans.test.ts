import { describe, expect, it } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp, TestClient } from '../support/test-app';
import { onlyTheseAdmins, raceOnAdminLocks } from './admin-race';

// QUALITY S1 and spec 004 §5: a ban ends every session on its next request, and open tabs hear it at once.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const SUSPENDED = 'Your account is currently suspended. Please contact support.';
const SESSION_COOKIE = 'omniplus.session_token';

async function signedIn(email: string, password: string, ip: string): Promise<TestClient> {
  const client = new TestClient(app, ip);
  const response = await client.post('/api/auth/sign-in', { email, password });
  expect(response.statusCode).toBe(200);
  return client;
}

async function sessionCount(userId: string): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [userId]);
  return rows[0].n;
}

async function userRow(userId: string) {
  const { rows } = await pool.query(`SELECT role, banned, ban_reason FROM users WHERE id = $1`, [userId]);
  return rows[0];
}

describe('banning a user with three live sessions (QUALITY S1)', () => {
  it('refuses each session on its next request with the suspended message, clears the cookie and destroys it', async () => {
    const admin = await signUpAdmin(testApp);
    const { client: first, id, email, password } = await signUpUser(app, { ip: '10.20.0.1' });
    const sessions = [first, await signedIn(email, password, '10.20.0.2'), await signedIn(email, password, '10.20.0.3')];
    expect(await sessionCount(id)).toBe(3);
    const tokens = sessions.map((client) => client.cookies.get(SESSION_COOKIE)!);

    const ban = await admin.client.post(`/api/admin/users/${id}/ban`, { reason: 'chargeback fraud' });
    expect(ban.statusCode).toBe(200);
    expect(ban.json().user).toMatchObject({ id, status: 'banned', banReason: 'chargeback fraud' });

    for (const client of sessions) {
      const response = await client.get('/api/me');
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toEqual({ code: 'ACCOUNT_SUSPENDED', message: SUSPENDED });
      const cleared = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cleared).toMatchObject({ value: '', maxAge: 0 });
    }
    expect(await sessionCount(id)).toBe(0);

    for (const token of tokens) {
      const replay = new TestClient(app);
      replay.cookies.set(SESSION_COOKIE, token);
      const response = await replay.get('/api/me');
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers the right password with the suspended message and a wrong one with the usual 401, until unbanned', async () => {
    const admin = await signUpAdmin(testApp);
    const { id, email, password } = await signUpUser(app);
    await admin.client.post(`/api/admin/users/${id}/ban`, { reason: 'spam' });
    const sessionsBefore = await sessionCount(id);

    const right = await new TestClient(app, '10.21.0.1').post('/api/auth/sign-in', { email, password });
    expect(right.statusCode).toBe(403);
    expect(right.json().error).toEqual({ code: 'ACCOUNT_SUSPENDED', message: SUSPENDED });
    expect(right.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== '')).toBeUndefined();

    const wrong = await new TestClient(app, '10.21.0.2').post('/api/auth/sign-in', { email, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Invalid email or password.' });
    expect(await sessionCount(id)).toBe(sessionsBefore);

    const unban = await admin.client.post(`/api/admin/users/${id}/unban`);
    expect(unban.statusCode).toBe(200);
    expect(unban.json().user).toMatchObject({ status: 'active', banReason: null });
    const again = await signedIn(email, password, '10.21.0.3');
    expect((await again.get('/api/me')).json().user.status).toBe('active');
  });

  it('tells an open event stream the account is suspended and ends it', async () => {
    const admin = await signUpAdmin(testApp);
    const { client, id } = await signUpUser(app);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${address}/api/events`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();

    let received = '';
    const readUntil = async (done: (text: string, ended: boolean) => boolean) => {
      for (;;) {
        const chunk = await reader.read();
        if (!chunk.done) received += chunk.value;
        if (done(received, chunk.done) || chunk.done) return chunk.done;
      }
    };
    const within = <T>(ms: number, work: Promise<T>) =>
      Promise.race([
        work,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`nothing after ${ms} ms: ${received}`)), ms)),
      ]);

    await within(2_000, readUntil((text) => text.includes('event: ping')));
    expect((await admin.client.post(`/api/admin/users/${id}/ban`, { reason: 'abuse' })).statusCode).toBe(200);
    const ended = await within(2_000, readUntil((_text, end) => end));

    expect(ended).toBe(true);
    expect(received).toContain(`event: account.suspended\ndata: ${JSON.stringify({ message: SUSPENDED })}\n\n`);
  });
});

describe('who may ban whom', () => {
  it('refuses an admin banning their own account with 409', async () => {
    const admin = await signUpAdmin(testApp);
    const response = await admin.client.post(`/api/admin/users/${admin.id}/ban`, { reason: 'oops' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('CONFLICT');
    expect((await userRow(admin.id)).banned).toBe(false);
  });

  it('refuses banning an already banned user with 409 and keeps the first reason', async () => {
    const admin = await signUpAdmin(testApp);
    const { id } = await signUpUser(app);
    expect((await admin.client.post(`/api/admin/users/${id}/ban`, { reason: 'first' })).statusCode).toBe(200);
    const second = await admin.client.post(`/api/admin/users/${id}/ban`, { reason: 'second' });
    expect(second.statusCode).toBe(409);
    expect(await userRow(id)).toMatchObject({ banned: true, ban_reason: 'first' });
  });

  it('answers 404 for an unknown user and 409 for unbanning someone who is not banned', async () => {
    const admin = await signUpAdmin(testApp);
    const { id } = await signUpUser(app);
    const unknown = await admin.client.post('/api/admin/users/no-such-user/ban', { reason: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect((await admin.client.post(`/api/admin/users/${id}/unban`)).statusCode).toBe(409);
  });

  it('refuses a plain user with 403 and changes nothing', async () => {
    const { client } = await signUpUser(app);
    const { id } = await signUpUser(app);
    const response = await client.post(`/api/admin/users/${id}/ban`, { reason: 'I do not like them' });
    expect(response.statusCode).toBe(403);
    expect((await userRow(id)).banned).toBe(false);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1`, [id]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses to ban the last active admin when two admins ban each other at the same moment', async () => {
    const [a, b] = [await signUpAdmin(testApp), await signUpAdmin(testApp)];
    await onlyTheseAdmins(pool, [a.id, b.id]);
    const results = await raceOnAdminLocks(pool, () => [
      a.client.post(`/api/admin/users/${b.id}/ban`, { reason: 'race' }),
      b.client.post(`/api/admin/users/${a.id}/ban`, { reason: 'race' }),
    ]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.message).toBe("You can't ban the last active admin.");
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT banned`);
    expect(rows[0].n).toBe(1);
  });

  it('always leaves an active admin when two admins ban each other concurrently', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await signUpAdmin(testApp), await signUpAdmin(testApp)];
      await onlyTheseAdmins(pool, [a.id, b.id]);
      const results = await Promise.all([
        a.client.post(`/api/admin/users/${b.id}/ban`, { reason: 'race' }),
        b.client.post(`/api/admin/users/${a.id}/ban`, { reason: 'race' }),
      ]);
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const { rows } = await pool.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT banned`);
      expect(rows[0].n).toBe(1);
    }
  });
});

describe('the audit trail of bans', () => {
  it('records user.ban and user.unban with the actor, target, reason and IP', async () => {
    const { email, password, id: adminId } = await signUpAdmin(testApp);
    const admin = await signedIn(email, password, '203.0.113.9');
    const { id } = await signUpUser(app);
    await admin.post(`/api/admin/users/${id}/ban`, { reason: 'sold accounts' });
    await admin.post(`/api/admin/users/${id}/unban`);

    const { rows } = await pool.query(
      `SELECT action, actor_id, target_type, target_id, reason, ip FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { action: 'user.ban', actor_id: adminId, target_type: 'user', target_id: id, reason: 'sold accounts', ip: '203.0.113.9' },
      { action: 'user.unban', actor_id: adminId, target_type: 'user', target_id: id, reason: null, ip: '203.0.113.9' },
    ]);
  });
});
