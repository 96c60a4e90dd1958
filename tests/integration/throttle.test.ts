import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { signUpUser, startTestApp, TestClient, uniqueEmail } from '../support/test-app';

// QUALITY A1: sign-in is throttled per account (5 failures) and per IP (30) within a 15-minute window, and the
// attempt is charged before the password is hashed.
const testApp = await startTestApp();
const { app } = testApp;
const TOO_MANY = 'Too many failed sign-in attempts. Please wait a few minutes and try again.';

function signIn(ip: string, email: string, password: string): Promise<LightMyRequestResponse> {
  return new TestClient(app, ip).post('/api/auth/sign-in', { email, password });
}

function expectThrottled(response: LightMyRequestResponse): void {
  expect(response.statusCode).toBe(429);
  expect(response.json().error).toEqual({ code: 'TOO_MANY_ATTEMPTS', message: TOO_MANY });
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
}

describe('sign-in throttling (QUALITY A1)', () => {
  it('locks an account after 5 bad passwords, whatever IPs they come from, and then refuses even the right one', async () => {
    const { email, password } = await signUpUser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) {
      const response = await signIn(`10.1.${i}.1`, email, 'wrong password');
      statuses.push(response.statusCode);
      if (i >= 5) expectThrottled(response);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);

    const right = await signIn('10.1.200.1', email, password);
    expectThrottled(right);
    expect(right.cookies.find((c) => c.name === 'omniplus.session_token' && c.value !== '')).toBeUndefined();
  });

  it('throttles one IP after 30 bad attempts spread over 30 different accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await signIn('10.2.0.1', uniqueEmail(`spray${i}`), 'wrong password');
      statuses.push(response.statusCode);
      if (i >= 30) expectThrottled(response);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);

    // Another IP is not affected by that flood.
    expect((await signIn('10.2.0.2', uniqueEmail('other'), 'wrong password')).statusCode).toBe(401);
  });

  it('answers at most 5 of 50 parallel bad attempts on one account with 401, the rest with 429', async () => {
    const { email } = await signUpUser(app);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(`10.3.${i}.1`, email, 'wrong password')),
    );
    const unauthorized = responses.filter((r) => r.statusCode === 401).length;
    const throttled = responses.filter((r) => r.statusCode === 429).length;
    expect(unauthorized).toBeLessThanOrEqual(5);
    expect(unauthorized + throttled).toBe(50);
  });

  it('gives the charge back on a successful sign-in, so the counter starts again from zero', async () => {
    const { email, password } = await signUpUser(app);
    const ip = (n: number) => `10.4.0.${n}`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(ip(i), email, 'wrong password')).statusCode);
    statuses.push((await signIn(ip(10), email, password)).statusCode);
    for (let i = 0; i < 5; i++) statuses.push((await signIn(ip(20 + i), email, 'wrong password')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 200, 401, 401, 401, 401, 401]);

    expectThrottled(await signIn(ip(30), email, 'wrong password'));
  });

  it('keeps counting per account and per IP separately: a locked account does not lock its IP for others', async () => {
    const locked = await signUpUser(app);
    const other = await signUpUser(app);
    for (let i = 0; i < 6; i++) await signIn('10.5.0.1', locked.email, 'wrong password');
    expectThrottled(await signIn('10.5.0.1', locked.email, locked.password));
    expect((await signIn('10.5.0.1', other.email, other.password)).statusCode).toBe(200);
  });

  it('audits throttled attempts with the account, the IP and the attempted email', async () => {
    const { email, id } = await signUpUser(app);
    for (let i = 0; i < 7; i++) await signIn(`10.6.${i}.1`, email, 'wrong password');
    const { rows } = await testApp.database.pool.query(
      `SELECT actor_id, target_id, ip, meta FROM audit_log WHERE action = 'auth.sign_in_throttled' AND target_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      { actor_id: null, target_id: id, ip: '10.6.5.1', meta: { email } },
      { actor_id: null, target_id: id, ip: '10.6.6.1', meta: { email } },
    ]);
    expect(JSON.stringify(rows)).not.toContain('wrong password');
  });
});
