import { describe, expect, it } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp, TestClient } from '../support/test-app';
import { onlyTheseAdmins, raceOnAdminLocks } from './admin-race';

const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;

async function userRow(id: string) {
  const { rows } = await pool.query(`SELECT name, email, role, banned FROM users WHERE id = $1`, [id]);
  return rows[0];
}

describe('my own account cannot grant itself anything (QUALITY Z2)', () => {
  it.each([
    ['a role', { name: 'Mallory', role: 'admin' }],
    ['a ban flag', { name: 'Mallory', banned: false }],
    ['an email', { name: 'Mallory', email: 'boss@example.com' }],
    ['an id', { name: 'Mallory', id: 'someone-else' }],
  ])('refuses PATCH /api/me carrying %s with 400 and changes nothing', async (_what, body) => {
    const { client, id } = await signUpUser(app, { name: 'Before' });
    const before = await userRow(id);
    const response = await client.request('PATCH', '/api/me', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(await userRow(id)).toEqual(before);
    expect((await client.get('/api/me')).json().user).toMatchObject({ role: 'user', name: 'Before' });
  });

  it('renames me with PATCH /api/me {name} and shows the new name', async () => {
    const { client, id } = await signUpUser(app, { name: 'Old Name' });
    const response = await client.request('PATCH', '/api/me', { name: '  New  ' });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id, name: 'New', role: 'user' });
    expect((await client.get('/api/me')).json().user.name).toBe('New');
  });

  it('refuses an empty name with a field error', async () => {
    const { client } = await signUpUser(app);
    const response = await client.request('PATCH', '/api/me', { name: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.name).toEqual(expect.any(String));
  });
});

describe('PUT /api/admin/users/:id/role', () => {
  it('promotes a user, audits the change with from and to, and gives them the admin pages', async () => {
    const admin = await signUpAdmin(testApp);
    const user = await signUpUser(app);
    const response = await admin.client.request('PUT', `/api/admin/users/${user.id}/role`, { role: 'admin' });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, role: 'admin' });
    expect((await user.client.get('/api/me')).json().pages).toContain('admin.users');

    const { rows } = await pool.query(
      `SELECT actor_id, target_id, meta FROM audit_log WHERE action = 'user.role_change' AND target_id = $1`,
      [user.id],
    );
    expect(rows).toEqual([{ actor_id: admin.id, target_id: user.id, meta: { from: 'user', to: 'admin' } }]);
  });

  it("refuses an admin changing their own role with 403", async () => {
    const admin = await signUpAdmin(testApp);
    const response = await admin.client.request('PUT', `/api/admin/users/${admin.id}/role`, { role: 'user' });
    expect(response.statusCode).toBe(403);
    expect((await userRow(admin.id)).role).toBe('admin');
  });

  it('refuses a plain user with 403 and changes nothing', async () => {
    const user = await signUpUser(app);
    const response = await user.client.request('PUT', `/api/admin/users/${user.id}/role`, { role: 'admin' });
    expect(response.statusCode).toBe(403);
    expect((await userRow(user.id)).role).toBe('user');
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1`, [user.id]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a role that does not exist and an unknown user', async () => {
    const admin = await signUpAdmin(testApp);
    const user = await signUpUser(app);
    const bad = await admin.client.request('PUT', `/api/admin/users/${user.id}/role`, { role: 'superadmin' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.role).toEqual(expect.any(String));
    const unknown = await admin.client.request('PUT', '/api/admin/users/no-such-user/role', { role: 'admin' });
    expect(unknown.statusCode).toBe(404);
  });

  it('demotes another admin, but never the last active one, even when two admins demote each other at once', async () => {
    const [a, b] = [await signUpAdmin(testApp), await signUpAdmin(testApp)];
    await onlyTheseAdmins(pool, [a.id, b.id]);
    const results = await raceOnAdminLocks(pool, () => [
      a.client.request('PUT', `/api/admin/users/${b.id}/role`, { role: 'user' }),
      b.client.request('PUT', `/api/admin/users/${a.id}/role`, { role: 'user' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.message).toBe("You can't demote the last active admin.");
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT banned`);
    expect(rows[0].n).toBe(1);
  });
});

describe('changing my password', () => {
  it('refuses a wrong current password with a field error and keeps the old password', async () => {
    const { client, email, password } = await signUpUser(app);
    const response = await client.post('/api/me/password', { currentPassword: 'not my password', newPassword: 'brand new secret' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ currentPassword: expect.any(String) });
    expect((await new TestClient(app, '10.30.0.1').post('/api/auth/sign-in', { email, password })).statusCode).toBe(200);
  });

  it('refuses a new password shorter than 8 characters', async () => {
    const { client, password } = await signUpUser(app);
    const response = await client.post('/api/me/password', { currentPassword: password, newPassword: 'short' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.newPassword).toEqual(expect.any(String));
  });

  it('signs out every other session but keeps this one, and the new password works from then on', async () => {
    const { client, email, password } = await signUpUser(app, { ip: '10.31.0.1' });
    const other = new TestClient(app, '10.31.0.2');
    expect((await other.post('/api/auth/sign-in', { email, password })).statusCode).toBe(200);

    const response = await client.post('/api/me/password', { currentPassword: password, newPassword: 'brand new secret' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(response.body).not.toContain('brand new secret');

    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await other.get('/api/me')).statusCode).toBe(401);
    const oldPassword = await new TestClient(app, '10.31.0.3').post('/api/auth/sign-in', { email, password });
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await new TestClient(app, '10.31.0.4').post('/api/auth/sign-in', { email, password: 'brand new secret' });
    expect(newPassword.statusCode).toBe(200);
  });
});
