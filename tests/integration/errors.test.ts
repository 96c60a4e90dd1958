import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, inject, it } from 'vitest';
import { withAdminClient } from '../support/postgres-server';
import { signUpUser, startTestApp, TEST_ORIGIN, TestClient } from '../support/test-app';

// One error shape for everything (STYLE.md "One error type"): {error:{code,message,fields?}}, no stack traces.
const testApp = await startTestApp();
const { app } = testApp;
const outageApp = await startTestApp();

function expectOurShape(response: LightMyRequestResponse, status: number, code: string): void {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('application/json');
  const body = response.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  for (const key of Object.keys(body.error)) expect(['code', 'message', 'fields']).toContain(key);
  expect(response.body).not.toMatch(/stack|\bat \S+ \(|node_modules|\.ts:\d+/);
}

describe('errors keep one shape', () => {
  it('answers invalid JSON with 400 and no parser details', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: '{"email": "a@example.com", "password":',
    });
    expectOurShape(response, 400, 'VALIDATION_FAILED');
    expect(response.body).not.toMatch(/JSON|SyntaxError|FST_/);
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'a@example.com', password: 'x'.repeat(1_100_000) },
    });
    expectOurShape(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API path with 404 naming the method and path', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nope?x=1' });
    expectOurShape(response, 404, 'NOT_FOUND');
    expect(response.json().error.message).toBe('No route for GET /api/nope.');
  });

  it('answers schema violations with 400 and one message per field', async () => {
    const response = await new TestClient(app).post('/api/auth/sign-up', { name: 'N', email: 'nope', password: 'x' });
    expectOurShape(response, 400, 'VALIDATION_FAILED');
    expect(response.json().error.fields).toEqual({ email: expect.any(String), password: expect.any(String) });
  });

  it('names an unexpected field in the field errors', async () => {
    const response = await new TestClient(app).post('/api/auth/sign-in', { email: 'a@example.com', password: 'x', role: 'admin' });
    expectOurShape(response, 400, 'VALIDATION_FAILED');
    expect(Object.keys(response.json().error.fields)).toEqual(['role']);
  });

  it('never echoes a submitted password in an error body', async () => {
    const response = await new TestClient(app).post('/api/auth/sign-up', {
      name: 'N',
      email: 'nope',
      password: 'hunter2-secret-password',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('hunter2');
  });
});

describe('GET /api/health', () => {
  it('answers 200 {status: ok, database: ok} while the database answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});

describe('when the database goes away', () => {
  const databaseName = new URL(outageApp.database.url).pathname.slice(1);
  const adminUrl = inject('pgAdminUrl');
  const setReachable = (reachable: boolean) =>
    withAdminClient(adminUrl, async (client) => {
      await client.query(`ALTER DATABASE "${databaseName}" WITH ALLOW_CONNECTIONS ${reachable}`);
      if (!reachable) {
        await client.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [databaseName],
        );
      }
    });

  it('reports 503 from health, 500 INTERNAL without internals elsewhere, and recovers when it is back', async () => {
    const { client } = await signUpUser(outageApp.app);
    expect((await client.get('/api/me')).statusCode).toBe(200);

    await setReachable(false);
    try {
      const health = await outageApp.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: 'unavailable', database: 'unavailable' });

      const me = await client.get('/api/me');
      expectOurShape(me, 500, 'INTERNAL');
      expect(me.json().error.message).toBe('Something went wrong on our side. Please try again.');
      expect(me.body).not.toContain(databaseName);
      expect(me.body).not.toMatch(/postgres|ECONNREFUSED|terminat|connection/i);
      expect(me.headers['x-request-id']).toEqual(expect.any(String));
      expect(String(me.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    } finally {
      await setReachable(true);
    }

    const healthy = await outageApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(healthy.json()).toEqual({ status: 'ok', database: 'ok' });
    expect((await client.get('/api/me')).statusCode).toBe(200);
  });
});
