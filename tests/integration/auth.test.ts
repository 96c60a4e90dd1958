import { describe, expect, it } from 'vitest';
import { signUpUser, startTestApp, TestClient, uniqueEmail } from '../support/test-app';

const testApp = await startTestApp();
const { app } = testApp;

describe('sign-up', () => {
  it('creates a user with the user role, signs them in and lists their pages', async () => {
    const { client, email } = await signUpUser(app, { name: 'Nadia' });
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { name: 'Nadia', email, role: 'user', status: 'active' },
      pages: expect.arrayContaining(['dashboard', 'pricing', 'payments', 'account']),
    });
    expect(me.json().pages).not.toContain('admin.audit');
  });

  it('answers bad input with field errors and creates nothing', async () => {
    const client = new TestClient(app);
    const response = await client.post('/api/auth/sign-up', { name: '', email: 'not-an-email', password: 'short' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toMatchObject({
      name: expect.any(String),
      email: expect.any(String),
      password: expect.any(String),
    });
    const { rows } = await testApp.database.pool.query(`SELECT count(*)::int AS n FROM users WHERE email = 'not-an-email'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses passwords longer than 128 characters', async () => {
    const client = new TestClient(app);
    const response = await client.post('/api/auth/sign-up', { name: 'Long', email: uniqueEmail(), password: 'x'.repeat(129) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.password).toBeDefined();
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const { email } = await signUpUser(app);
    const client = new TestClient(app);
    const response = await client.post('/api/auth/sign-up', { name: 'Again', email: email.toUpperCase(), password: 'another password' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'EMAIL_TAKEN', fields: { email: expect.any(String) } });
  });

  it('ignores no extra field: a role in the sign-up body is refused (QUALITY Z2)', async () => {
    const client = new TestClient(app);
    const email = uniqueEmail();
    const response = await client.post('/api/auth/sign-up', { name: 'Mallory', email, password: 'password123', role: 'admin' });
    expect(response.statusCode).toBe(400);
    const { rows } = await testApp.database.pool.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    expect(rows[0].n).toBe(0);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password and rotates the session id (QUALITY S4)', async () => {
    const { client, email, password } = await signUpUser(app);
    const before = client.cookies.get('omniplus.session_token');
    const response = await client.post('/api/auth/sign-in', { email, password });
    expect(response.statusCode).toBe(200);
    const after = client.cookies.get('omniplus.session_token');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie without a Domain (QUALITY S3)', async () => {
    const { email, password } = await signUpUser(app);
    const response = await new TestClient(app).post('/api/auth/sign-in', { email, password });
    const cookie = response.cookies.find((c) => c.name === 'omniplus.session_token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.domain).toBeUndefined();
    expect(cookie?.secure).toBeFalsy();
  });

  it('kills the session on the server when signing out (QUALITY S4)', async () => {
    const { client } = await signUpUser(app);
    const token = client.cookies.get('omniplus.session_token')!;
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(200);
    const replay = new TestClient(app);
    replay.cookies.set('omniplus.session_token', token);
    expect((await replay.get('/api/me')).statusCode).toBe(401);
  });

  it('gives the same status and body for an unknown email and a wrong password (QUALITY A2)', async () => {
    const { email } = await signUpUser(app);
    const wrongPassword = await new TestClient(app, '10.0.0.1').post('/api/auth/sign-in', { email, password: 'not it at all' });
    const unknownEmail = await new TestClient(app, '10.0.0.2').post('/api/auth/sign-in', {
      email: uniqueEmail('nobody'),
      password: 'not it at all',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(wrongPassword.statusCode);
    expect(unknownEmail.body).toBe(wrongPassword.body);
    expect(wrongPassword.json().error.message).toBe('Invalid email or password.');
  });

  it('audits failed sign-ins with the attempted email and IP', async () => {
    const { email, id } = await signUpUser(app);
    await new TestClient(app, '10.0.0.3').post('/api/auth/sign-in', { email, password: 'definitely wrong' });
    const { rows } = await testApp.database.pool.query(
      `SELECT actor_id, target_id, ip, meta FROM audit_log WHERE action = 'auth.sign_in_failed' AND target_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ actor_id: null, target_id: id, ip: '10.0.0.3', meta: { email } }]);
    expect(JSON.stringify(rows)).not.toContain('definitely wrong');
  });
});
