import { beforeEach, describe, expect, it } from 'vitest';
import { paypalHarness } from './test-support/harness';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  SUBSCRIPTION_ID,
  TOKEN_ROUTE,
  paypalError,
  subscriptionSample,
  tokenReply,
} from './test-support/paypal-samples';
import { failure, startScriptedServer, type Scripted } from './test-support/scripted-server';

// QUALITY O1 (timeouts ≤ 15 s, at most 3 retries and only for safe calls, Retry-After, one breaker per base URL)
// and K2 (no credential or token in any error or log line).

const { server, client, logged } = await paypalHarness();

const TOKEN = 'A21AAFEpH4PsADK7qSS7pSRsgzfENtu-Q1ysgEDVDESseMHBYXVJYE8ovjj68elIDy8nF26AwPhfXTIeWAZHSLIsQkSYz9ifg';
const GET_SUB = `GET /v1/billing/subscriptions/${SUBSCRIPTION_ID}`;
const CANCEL = `POST /v1/billing/subscriptions/${SUBSCRIPTION_ID}/cancel`;
const ok: Scripted = { status: 200, body: subscriptionSample() };
const busy = paypalError(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable.');
const tooMany = (seconds: string) =>
  paypalError(429, 'RATE_LIMIT_REACHED', 'Too many requests. Blocked due to rate limiting.', [], { 'Retry-After': seconds });

beforeEach(() => server.on(TOKEN_ROUTE, tokenReply(TOKEN)));

describe('retries (only safe calls, at most 3)', () => {
  it('retries a GET twice by default, and never more than 3 times even if asked', async () => {
    server.on(GET_SUB, busy);
    const error = await failure(client().getSubscription(SUBSCRIPTION_ID));
    expect(error.kind).toBe('unavailable');
    expect(server.hits(GET_SUB)).toBe(3);
    expect(logged.filter((l) => l.msg === 'PayPal call failed; retrying')).toHaveLength(2);

    server.reset();
    server.on(TOKEN_ROUTE, tokenReply(TOKEN));
    server.on(GET_SUB, busy);
    await failure(client({ retry: { retries: 10, baseDelayMs: 1, maxDelayMs: 2 }, breaker: { threshold: 50 } }).getSubscription(SUBSCRIPTION_ID));
    expect(server.hits(GET_SUB)).toBe(4);
  });

  it('does not retry answers such as 400 or 404', async () => {
    server.on(GET_SUB, paypalError(400, 'INVALID_REQUEST', 'Request is not well-formed, syntactically incorrect, or violates schema.'));
    expect((await failure(client().getSubscription(SUBSCRIPTION_ID))).kind).toBe('bad_request');
    expect(server.hits(GET_SUB)).toBe(1);
  });

  it('waits at least Retry-After before retrying a safe call', async () => {
    server.on(GET_SUB, tooMany('1'), ok);
    const started = Date.now();
    expect((await client().getSubscription(SUBSCRIPTION_ID)).id).toBe(SUBSCRIPTION_ID);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.hits(GET_SUB)).toBe(2);
  });

  it('does not wait for a Retry-After longer than allowed, and passes it on', async () => {
    server.on(GET_SUB, tooMany('120'));
    const error = await failure(client().getSubscription(SUBSCRIPTION_ID));
    expect(error.kind).toBe('rate_limited');
    expect(error.name).toBe('RATE_LIMIT_REACHED');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.toAppError().options.headers).toEqual({ 'Retry-After': '120' });
    expect(server.hits(GET_SUB)).toBe(1);
  });

  it('never retries a cancel, even on 429', async () => {
    server.on(CANCEL, tooMany('1'), { status: 204 });
    expect((await failure(client().cancelSubscription(SUBSCRIPTION_ID, 'x'))).kind).toBe('rate_limited');
    expect(server.hits(CANCEL)).toBe(1);
  });
});

describe('circuit breaker (one per base URL)', () => {
  const breakerOptions = { retry: { retries: 0 }, breaker: { threshold: 3, halfOpenAfterMs: 300 } };

  it('opens after consecutive outages, fails fast, then half-opens and closes on success', async () => {
    server.on(GET_SUB, busy);
    const paypal = client(breakerOptions);
    for (let i = 0; i < 3; i++) expect((await failure(paypal.getSubscription(SUBSCRIPTION_ID))).kind).toBe('unavailable');

    const fast = await failure(paypal.getSubscription(SUBSCRIPTION_ID));
    expect(fast.kind).toBe('circuit_open');
    expect(fast.status).toBeNull();
    expect(fast.userMessage).toBe('PayPal is unavailable. Try again shortly.');
    expect(fast.toAppError().code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.hits(GET_SUB)).toBe(3); // nothing reached PayPal
    expect(logged.some((l) => l.msg === 'PayPal circuit opened: failing fast')).toBe(true);

    await new Promise((r) => setTimeout(r, 350));
    server.on(GET_SUB, ok);
    expect((await paypal.getSubscription(SUBSCRIPTION_ID)).id).toBe(SUBSCRIPTION_ID);
    expect(server.hits(GET_SUB)).toBe(4);
  });

  it('is shared by every client of the same base URL, whatever the credentials', async () => {
    server.on(GET_SUB, busy);
    for (let i = 0; i < 3; i++) await failure(client(breakerOptions).getSubscription(SUBSCRIPTION_ID));
    const other = client({ ...breakerOptions, clientId: 'another-client-id', clientSecret: 'another-client-secret' });
    expect((await failure(other.getSubscription(SUBSCRIPTION_ID))).kind).toBe('circuit_open');
    expect(server.hits(GET_SUB)).toBe(3);
  });

  it('does not count answers (4xx) as outages', async () => {
    server.on(GET_SUB, paypalError(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.'));
    const paypal = client(breakerOptions);
    for (let i = 0; i < 5; i++) expect((await failure(paypal.getSubscription(SUBSCRIPTION_ID))).kind).toBe('not_found');
    expect(server.hits(GET_SUB)).toBe(5);
  });
});

describe('timeouts', () => {
  it('turns a hang into kind timeout quickly', async () => {
    server.on(GET_SUB, 'hang');
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 200, retry: { retries: 0 } }).getSubscription(SUBSCRIPTION_ID));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.kind).toBe('timeout');
    expect(error.status).toBeNull();
    expect(error.userMessage).toBe('PayPal did not answer within 0.2 s. Try again shortly.');
    expect(error.toAppError().code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('also times out a body that stops half-way', async () => {
    server.on(GET_SUB, 'stall');
    expect((await failure(client({ timeoutMs: 200, retry: { retries: 0 } }).getSubscription(SUBSCRIPTION_ID))).kind).toBe('timeout');
  });

  it('retries a timed-out GET, each attempt bounded', async () => {
    server.on(GET_SUB, 'hang', ok);
    expect((await client({ timeoutMs: 150 }).getSubscription(SUBSCRIPTION_ID)).id).toBe(SUBSCRIPTION_ID);
    expect(server.hits(GET_SUB)).toBe(2);
  });

  it('does not retry a timed-out cancel: it may have worked', async () => {
    server.on(CANCEL, 'hang', { status: 204 });
    expect((await failure(client({ timeoutMs: 150 }).cancelSubscription(SUBSCRIPTION_ID, 'x'))).kind).toBe('timeout');
    expect(server.hits(CANCEL)).toBe(1);
  });
});

describe('replies we cannot read', () => {
  it.each([
    ['a body that is not JSON', { status: 200, raw: 'Service is up' }],
    ['an empty body', { status: 200 }],
    ['an unknown status', { status: 200, body: subscriptionSample({ status: 'PAUSED' }) }],
    ['a missing id', { status: 200, body: subscriptionSample({ id: undefined }) }],
  ] as [string, Scripted][])('reports %s as invalid_response, without retrying', async (_name, answer) => {
    server.on(GET_SUB, answer);
    const error = await failure(client().getSubscription(SUBSCRIPTION_ID));
    expect(error.kind).toBe('invalid_response');
    expect(error.status).toBe(200);
    expect(error.userMessage).toBe('PayPal sent a reply we could not read.');
    expect(error.toAppError().code).toBe('UPSTREAM_REJECTED');
    expect(server.hits(GET_SUB)).toBe(1);
    expect(logged.some((l) => l.msg === 'PayPal reply did not match the expected shape')).toBe(true);
  });
});

describe('network and redirects', () => {
  it('maps a refused connection to kind network', async () => {
    const gone = await startScriptedServer();
    const url = gone.url;
    await gone.close();
    const error = await failure(client({ baseUrl: url, retry: { retries: 0 } }).getAccessToken());
    expect(error.kind).toBe('network');
    expect(error.userMessage).toBe('Could not reach PayPal. Try again shortly.');
  });

  it('never follows a redirect, so credentials cannot travel elsewhere', async () => {
    const elsewhere = await startScriptedServer();
    try {
      elsewhere.on(TOKEN_ROUTE, tokenReply('stolen'));
      server.on(TOKEN_ROUTE, { status: 307, headers: { location: `${elsewhere.url}/v1/oauth2/token` } });
      const error = await failure(client().getAccessToken());
      expect(error.kind).toBe('invalid_response');
      expect(error.status).toBe(307);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('credentials stay secret (QUALITY K2)', () => {
  it('keeps the client id, secret and token out of every error and log line, whatever goes wrong', async () => {
    const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
    const echo = `bad ${CLIENT_SECRET} ${CLIENT_ID} ${basic} ${TOKEN}`;
    await client().getAccessToken(); // cached, so errors below know the token to redact
    server.on(GET_SUB, paypalError(401, 'AUTHENTICATION_FAILURE', echo, [{ issue: 'INVALID_TOKEN', description: `Bearer ${TOKEN}` }]));
    server.on(CANCEL, paypalError(422, 'UNPROCESSABLE_ENTITY', echo, [{ issue: 'X', description: echo }]));
    server.on('GET /v1/billing/plans/P-1', { status: 502, raw: echo });
    server.on('POST /v1/billing/subscriptions', { status: 200, body: { id: TOKEN, status: CLIENT_SECRET } });

    const errors = [
      await failure(client().getSubscription(SUBSCRIPTION_ID)),
      await failure(client().cancelSubscription(SUBSCRIPTION_ID, 'x')),
      await failure(client({ retry: { retries: 1, baseDelayMs: 1 } }).getPlan('P-1')),
      await failure(client().createSubscription({ planId: 'P-1', customId: 'c', returnUrl: 'https://a.example/r', cancelUrl: 'https://a.example/c', requestId: 'r' })),
    ];
    // Another client knows only its own credentials: those are what its errors must hide.
    const rotated = `${CLIENT_SECRET}-rotated`;
    const rotatedBasic = Buffer.from(`${CLIENT_ID}:${rotated}`).toString('base64');
    server.on(TOKEN_ROUTE, { status: 401, body: { error: 'invalid_client', error_description: `bad ${rotated} ${rotatedBasic} ${CLIENT_ID}` } });
    errors.push(await failure(client({ clientSecret: rotated }).getAccessToken()));

    expect(errors.map((e) => e.kind)).toEqual(['auth', 'unprocessable', 'unavailable', 'invalid_response', 'auth']);
    expect(logged.map((l) => l.msg)).toEqual(expect.arrayContaining(['PayPal call failed; retrying', 'PayPal reply did not match the expected shape']));
    const everything = JSON.stringify([
      errors.map((e) => ({ ...e, name: e.name, message: e.message, userMessage: e.userMessage, cause: String(e.cause), stack: e.stack })),
      logged,
    ]);
    for (const secret of [CLIENT_SECRET, CLIENT_ID, basic, TOKEN, rotated, rotatedBasic]) expect(everything).not.toContain(secret);
    expect(errors[1]!.userMessage).toContain('bad …');
  });
});
