import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { startTestApp, TEST_ORIGIN, uniqueEmail } from '../support/test-app';

// QUALITY H1 on every kind of response, and S3 for a deployment served over https.
const httpApp = await startTestApp();
const HTTPS_ORIGIN = 'https://omniplus.example';
const httpsApp = await startTestApp({ env: { APP_URL: HTTPS_ORIGIN } });

const RESPONSES: [string, number, InjectOptions][] = [
  ['a JSON 200', 200, { method: 'GET', url: '/api/health' }],
  ['a 401 JSON error', 401, { method: 'GET', url: '/api/me' }],
  ['a 404 for an unknown API path', 404, { method: 'GET', url: '/api/nope' }],
  [
    'a 400 for bad input',
    400,
    { method: 'POST', url: '/api/auth/sign-in', headers: { origin: TEST_ORIGIN }, payload: { email: 'x' } },
  ],
  ['a 403 refused write', 403, { method: 'POST', url: '/api/auth/sign-out', payload: {} }],
];

function expectStrictHeaders(response: LightMyRequestResponse): void {
  const csp = String(response.headers['content-security-policy'] ?? '');
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBeTruthy();
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers.server).toBeUndefined();
  expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}

describe('security headers (QUALITY H1)', () => {
  it.each(RESPONSES)('sends the strict headers on %s', async (_name, status, probe) => {
    const response = await httpApp.app.inject(probe);
    expect(response.statusCode).toBe(status);
    expectStrictHeaders(response);
  });

  it('gives every response its own request id', async () => {
    const first = await httpApp.app.inject({ method: 'GET', url: '/api/health' });
    const second = await httpApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });

  it('keeps the strict CSP on the HTML page of the API docs', async () => {
    const response = await httpApp.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expectStrictHeaders(response);
  });

  it('sends no HSTS when the site is served over plain http', async () => {
    const response = await httpApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('served over https (APP_URL=https://…)', () => {
  const { app } = httpsApp;

  async function signUp() {
    return app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { origin: HTTPS_ORIGIN, host: 'omniplus.example' },
      payload: { name: 'Secure Sam', email: uniqueEmail('secure'), password: 'correct horse battery' },
    });
  }

  it('sends HSTS for a year, subdomains included, on JSON and error responses', async () => {
    for (const url of ['/api/health', '/api/me', '/api/nope']) {
      const response = await app.inject({ method: 'GET', url });
      const hsts = String(response.headers['strict-transport-security']);
      expect(hsts, url).toMatch(/max-age=(\d+)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts).toContain('includeSubDomains');
    }
  });

  it('marks the session cookie Secure, HttpOnly and SameSite=Lax, without a Domain (QUALITY S3)', async () => {
    const response = await signUp();
    expect(response.statusCode).toBe(201);
    const session = response.cookies.find((c) => c.name.endsWith('omniplus.session_token'));
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.domain).toBeUndefined();
    for (const cookie of response.cookies) expect(cookie.secure, cookie.name).toBe(true);
  });

  it('accepts the Secure session cookie back on the next request', async () => {
    const response = await signUp();
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.name).toBe('Secure Sam');
  });
});

describe('the web app (HTML and file responses)', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const webRoot = mkdtempSync(join(tmpdir(), 'omniplus-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>OmniPlus</title><div id="root"></div>');
  writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log("app")');
  const spaApp = await startTestApp({ webRoot });

  it('serves client routes with index.html, not cached, with the strict headers', async () => {
    const response = await spaApp.app.inject({ method: 'GET', url: '/admin/audit?page=2' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toContain('<div id="root">');
    expectStrictHeaders(response);
  });

  it('serves hashed assets cached for a year, with the strict headers', async () => {
    const response = await spaApp.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
    expectStrictHeaders(response);
  });

  it('still answers unknown API paths with a JSON 404', async () => {
    const response = await spaApp.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
