import { describe, expect, it } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp, TestClient, uniqueEmail } from '../support/test-app';
import { onlyTheseAdmins } from './admin-race';

// Admin → Users: create an account with a temporary password, and change roles (never your own, never the last admin).
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const TEMP_PASSWORD = 'Temporary-pass-2026';

async function signIn(email: string, password: string) {
  const client = new TestClient(app, '10.30.0.1');
  const response = await client.post('/api/auth/sign-in', { email, password });
  return { client, response };
}

describe('POST /api/admin/users', () => {
  it('creates a user who can sign in with the temporary password, audited without the password', async () => {
    const admin = await signUpAdmin(testApp);
    const email = uniqueEmail('created');
    const response = await admin.client.post('/api/admin/users', { name: '  Nadia Haddad ', email: email.toUpperCase(), role: 'user', password: TEMP_PASSWORD });
    expect(response.statusCode, response.body).toBe(201);
    const user = response.json().user;
    expect(user).toMatchObject({ name: 'Nadia Haddad', email, role: 'user', status: 'active', banReason: null });

    const { client, response: signedIn } = await signIn(email, TEMP_PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    const me = (await client.get('/api/me')).json();
    expect(me.user).toMatchObject({ id: user.id, role: 'user' });
    expect(me.pages).not.toContain('admin.users');

    const { rows } = await pool.query(`SELECT actor_id, target_id, target_label, meta FROM audit_log WHERE action = 'user.create' AND target_id = $1`, [user.id]);
    expect(rows).toEqual([{ actor_id: admin.id, target_id: user.id, target_label: email, meta: { role: 'user' } }]);
    const everything = await pool.query(`SELECT meta::text AS meta FROM audit_log WHERE target_id = $1`, [user.id]);
    expect(everything.rows.map((r) => r.meta).join(' ')).not.toContain(TEMP_PASSWORD);
    const stored = await pool.query(`SELECT password FROM accounts WHERE user_id = $1`, [user.id]);
    expect(stored.rows[0].password).not.toContain(TEMP_PASSWORD);
  });

  it('creates an admin who gets the admin console', async () => {
    const admin = await signUpAdmin(testApp);
    const email = uniqueEmail('second-admin');
    expect((await admin.client.post('/api/admin/users', { name: 'Second', email, role: 'admin', password: TEMP_PASSWORD })).statusCode).toBe(201);
    const { client } = await signIn(email, TEMP_PASSWORD);
    expect((await client.get('/api/me')).json().pages).toContain('admin.users');
  });

  it('refuses a taken email (any case) with a field error and creates nothing', async () => {
    const admin = await signUpAdmin(testApp);
    const existing = await signUpUser(app);
    const response = await admin.client.post('/api/admin/users', { name: 'Dup', email: existing.email.toUpperCase(), role: 'user', password: TEMP_PASSWORD });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'EMAIL_TAKEN', fields: { email: 'An account with this email already exists.' } });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)`, [existing.email]);
    expect(rows[0].n).toBe(1);
  });

  it('creates one account when two admins submit the same email at once', async () => {
    const admin = await signUpAdmin(testApp);
    const email = uniqueEmail('race');
    const body = { name: 'Race', email, role: 'user', password: TEMP_PASSWORD };
    const results = await Promise.all([admin.client.post('/api/admin/users', body), admin.client.post('/api/admin/users', body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses a short password, a bad email, an unknown role and extra fields with 400', async () => {
    const admin = await signUpAdmin(testApp);
    const base = { name: 'Short', email: uniqueEmail('short'), role: 'user', password: TEMP_PASSWORD };
    const cases: [object, string][] = [
      [{ ...base, password: 'eleven-char' }, 'password'],
      [{ ...base, email: 'not-an-email' }, 'email'],
      [{ ...base, role: 'owner' }, 'role'],
      [{ ...base, name: '  ' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.client.post('/api/admin/users', body);
      expect(response.statusCode, field).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual([field]);
    }
    expect((await admin.client.post('/api/admin/users', { ...base, banned: false })).statusCode).toBe(400);
    expect((await admin.client.post('/api/admin/users', { ...base, password: 'x'.repeat(11) })).json().error.fields.password).toBe('Use at least 12 characters.');
  });

  it('is refused to a plain user', async () => {
    const user = await signUpUser(app);
    const email = uniqueEmail('sneaky');
    const response = await user.client.post('/api/admin/users', { name: 'Sneaky', email, role: 'admin', password: TEMP_PASSWORD });
    expect(response.statusCode).toBe(403);
    expect((await pool.query(`SELECT 1 FROM users WHERE email = $1`, [email])).rowCount).toBe(0);
  });
});

describe('PUT /api/admin/users/:id/role', () => {
  // The last-admin race (two admins demoting each other at once) is proven in roles-and-account.test.ts.
  it('never changes your own role, and a demoted admin loses the console at once', async () => {
    const [a, b] = [await signUpAdmin(testApp), await signUpAdmin(testApp)];
    await onlyTheseAdmins(pool, [a.id, b.id]);
    const own = await a.client.request('PUT', `/api/admin/users/${a.id}/role`, { role: 'user' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe("You can't change your own role.");

    expect((await a.client.request('PUT', `/api/admin/users/${b.id}/role`, { role: 'user' })).statusCode).toBe(200);
    // a is now the only admin; the former admin b, now a user, can no longer act at all.
    expect((await b.client.request('PUT', `/api/admin/users/${a.id}/role`, { role: 'user' })).statusCode).toBe(403);
    const { rows } = await pool.query(`SELECT role FROM users WHERE id = $1`, [a.id]);
    expect(rows[0].role).toBe('admin');
  });

  it('shows the new role in the users list and audits it', async () => {
    const admin = await signUpAdmin(testApp);
    const user = await signUpUser(app);
    expect((await admin.client.request('PUT', `/api/admin/users/${user.id}/role`, { role: 'admin' })).statusCode).toBe(200);
    const list = (await admin.client.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`)).json();
    expect(list.items[0]).toMatchObject({ id: user.id, role: 'admin' });
    const { rows } = await pool.query(`SELECT meta FROM audit_log WHERE action = 'user.role_change' AND target_id = $1`, [user.id]);
    expect(rows).toEqual([{ meta: { from: 'user', to: 'admin' } }]);
  });
});
