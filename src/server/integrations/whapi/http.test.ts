import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createWhapiGateClient } from './gate-client';
import { createWhapiPartnerClient } from './partner-client';
import { MAX_TIMEOUT_MS, resetWhapiCircuitBreakers, resilienceFor } from './resilience';
import {
  CHANNEL_TOKEN,
  PARTNER_TOKEN,
  failure,
  startScriptedServer,
  whapiError,
  wireChannelSample,
} from './test-support/scripted-server';
import type { WhapiClientOptions } from './types';

// QUALITY O1 (timeouts, retries only for safe calls, Retry-After, breaker) and K2 (no token in errors or logs).

const server = await startScriptedServer();
afterAll(() => server.close());

const logged: { obj: object; msg: string }[] = [];
const log = { warn: (obj: object, msg: string) => void logged.push({ obj, msg }) };

function options(extra: Partial<WhapiClientOptions> = {}): WhapiClientOptions {
  return { baseUrl: server.url, token: PARTNER_TOKEN, log, timeoutMs: 2000, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...extra };
}
const partner = (extra: Partial<WhapiClientOptions> = {}) => createWhapiPartnerClient(options(extra));
const gate = (extra: Partial<WhapiClientOptions> = {}) => createWhapiGateClient({ ...options(extra), token: CHANNEL_TOKEN, ...extra });

const ok = { status: 200, body: wireChannelSample() };
const busy = whapiError(503, 'all servers are currently busy, try later');

beforeEach(() => {
  server.reset();
  resetWhapiCircuitBreakers();
  logged.length = 0;
});

describe('retries (only safe calls, at most 3)', () => {
  it('retries a GET after outages and succeeds', async () => {
    server.on('GET /channels/MANTIS-PF298', busy, whapiError(500, 'boom'), ok);
    const channel = await partner().getChannel('MANTIS-PF298');
    expect(channel.id).toBe('MANTIS-PF298');
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(3);
    expect(logged.filter((l) => l.msg === 'WHAPI call failed; retrying')).toHaveLength(2);
  });

  it('gives up after 2 retries by default, and never more than 3 even if asked', async () => {
    server.on('GET /channels/MANTIS-PF298', busy);
    const error = await failure(partner().getChannel('MANTIS-PF298'));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain('all servers are currently busy, try later');
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(3);

    server.reset();
    resetWhapiCircuitBreakers();
    server.on('GET /channels/MANTIS-PF298', busy);
    await failure(partner({ retry: { retries: 10, baseDelayMs: 1, maxDelayMs: 2 } }).getChannel('MANTIS-PF298'));
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(4);
  });

  it.each([
    ['PUT /channels', 'create', () => partner().createChannel({ name: 'a', projectId: 'p' })],
    ['POST /channels/MANTIS-PF298/extend', 'extend', () => partner().extendChannel('MANTIS-PF298', { days: 30, comment: 'op-1' })],
    ['PATCH /channels/MANTIS-PF298/mode', 'mode', () => partner().changeMode('MANTIS-PF298', 'live')],
    ['POST /messages/text', 'send text', () => gate().sendText({ to: '15550001111', body: 'hi' })],
    ['POST /messages/image', 'send image', () => gate().sendImage({ to: '15550001111', media: 'https://x/y.png' })],
    ['POST /messages/document', 'send document', () => gate().sendDocument({ to: '15550001111', media: 'https://x/y.pdf' })],
  ])('never retries %s (%s)', async (route, _name, call) => {
    server.on(route, busy);
    const error = await failure(call());
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.hits(route)).toBe(1);
  });

  it('retries DELETE and reports a channel already gone on the retry as 404', async () => {
    server.on('DELETE /channels/MANTIS-PF298', 'hang', whapiError(404, 'Specified channel not found'));
    const result = await partner({ timeoutMs: 150 }).deleteChannel('MANTIS-PF298');
    expect(result.status).toBe(404);
    expect(server.hits('DELETE /channels/MANTIS-PF298')).toBe(2);
  });

  it('does not retry answers such as 400 or 404', async () => {
    server.on('GET /channels/MANTIS-PF298', whapiError(404, 'Specified channel not found'));
    await failure(partner().getChannel('MANTIS-PF298'));
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(1);
  });
});

describe('Retry-After', () => {
  it('waits at least Retry-After before retrying a safe call', async () => {
    server.on('GET /health', whapiError(429, 'Too many requests', { 'Retry-After': '1' }), {
      status: 200,
      body: { start_at: 1700000000, uptime: 5, status: { code: 4, text: 'AUTH' } },
    });
    const started = Date.now();
    const health = await gate().health();
    expect(health.status).toBe('AUTH');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.hits('GET /health')).toBe(2);
  });

  it('does not wait for a Retry-After longer than allowed and passes it on', async () => {
    server.on('GET /channels/list', whapiError(429, 'Too many requests', { 'Retry-After': '120' }));
    const error = await failure(partner().listChannels());
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.options.headers).toEqual({ 'Retry-After': '120' });
    expect(server.hits('GET /channels/list')).toBe(1);
  });

  it('passes Retry-After on for calls it must not retry', async () => {
    server.on('POST /messages/text', whapiError(429, 'Too many requests', { 'Retry-After': '7' }));
    const error = await failure(gate().sendText({ to: '15550001111', body: 'hi' }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toContain('Too many requests');
    expect(error.options.headers).toEqual({ 'Retry-After': '7' });
    expect(server.hits('POST /messages/text')).toBe(1);
  });
});

describe('circuit breaker (one per base URL)', () => {
  const breakerOptions = { retry: { retries: 0 }, breaker: { threshold: 3, halfOpenAfterMs: 300 } };

  it('opens after consecutive outages, fails fast, then half-opens and closes on success', async () => {
    server.on('GET /channels/MANTIS-PF298', busy);
    const client = partner(breakerOptions);
    for (let i = 0; i < 3; i++) expect((await failure(client.getChannel('MANTIS-PF298'))).kind).toBe('unavailable');
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(3);

    const fast = await failure(client.getChannel('MANTIS-PF298'));
    expect(fast.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(fast.kind).toBe('circuit_open');
    expect(fast.message).toBe('WHAPI is unavailable; try again shortly.');
    expect(fast.options.headers?.['Retry-After']).toBe('1');
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(3); // nothing reached WHAPI
    expect(logged.some((l) => l.msg === 'WHAPI circuit opened: failing fast')).toBe(true);

    await new Promise((r) => setTimeout(r, 350));
    server.on('GET /channels/MANTIS-PF298', ok);
    expect((await client.getChannel('MANTIS-PF298')).id).toBe('MANTIS-PF298');
    expect((await client.getChannel('MANTIS-PF298')).id).toBe('MANTIS-PF298');
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(5);
  });

  it('re-opens when the half-open trial call fails', async () => {
    server.on('GET /channels/MANTIS-PF298', busy);
    const client = partner(breakerOptions);
    for (let i = 0; i < 3; i++) await failure(client.getChannel('MANTIS-PF298'));
    await new Promise((r) => setTimeout(r, 350));
    expect((await failure(client.getChannel('MANTIS-PF298'))).kind).toBe('unavailable'); // the trial call
    expect((await failure(client.getChannel('MANTIS-PF298'))).kind).toBe('circuit_open');
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(4);
  });

  it('does not count answers (4xx) as outages', async () => {
    server.on('GET /channels/MANTIS-PF298', whapiError(404, 'Specified channel not found'));
    const client = partner(breakerOptions);
    for (let i = 0; i < 6; i++) expect((await failure(client.getChannel('MANTIS-PF298'))).kind).toBe('not_found');
    expect(server.hits('GET /channels/MANTIS-PF298')).toBe(6);
  });

  it('is shared by every client of the same base URL', async () => {
    server.on('GET /health', busy);
    const first = gate(breakerOptions);
    for (let i = 0; i < 3; i++) await failure(first.health());
    const other = createWhapiGateClient({ ...options(breakerOptions), token: 'Z'.repeat(32) });
    expect((await failure(other.health())).kind).toBe('circuit_open');
    expect(server.hits('GET /health')).toBe(3);
  });
});

describe('timeouts', () => {
  it('turns a hang into UPSTREAM_UNAVAILABLE quickly', async () => {
    server.on('GET /channels/MANTIS-PF298', 'hang');
    const started = Date.now();
    const error = await failure(partner({ timeoutMs: 200, retry: { retries: 0 } }).getChannel('MANTIS-PF298'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.kind).toBe('timeout');
    expect(error.upstreamStatus).toBeNull();
    expect(error.message).toBe('WHAPI did not answer within 0.2 s; try again shortly.');
  });

  it('also times out a body that stops half-way', async () => {
    server.on('GET /channels/MANTIS-PF298', 'stall');
    const error = await failure(partner({ timeoutMs: 200, retry: { retries: 0 } }).getChannel('MANTIS-PF298'));
    expect(error.kind).toBe('timeout');
  });

  it('retries a timed-out safe call, each attempt bounded', async () => {
    server.on('GET /settings', 'hang', { status: 200, body: { webhooks: [] } });
    const settings = await gate({ timeoutMs: 150 }).getSettings();
    expect(settings.webhooks).toEqual([]);
    expect(server.hits('GET /settings')).toBe(2);
  });

  it('caps the timeout at 15 s whatever is asked', () => {
    expect(resilienceFor('http://a', { baseUrl: 'http://a', token: 't', timeoutMs: 60_000 }).timeoutMs).toBe(MAX_TIMEOUT_MS);
    expect(resilienceFor('http://a', { baseUrl: 'http://a', token: 't' }).timeoutMs).toBe(15_000);
  });
});

describe('network and redirects', () => {
  it('maps a refused connection to UPSTREAM_UNAVAILABLE', async () => {
    const gone = await startScriptedServer();
    const url = gone.url;
    await gone.close();
    const error = await failure(createWhapiPartnerClient({ baseUrl: url, token: PARTNER_TOKEN, retry: { retries: 0 } }).listProjects());
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toBe('Could not reach WHAPI; try again shortly.');
  });

  it('never follows a redirect, so the token cannot travel elsewhere', async () => {
    const elsewhere = await startScriptedServer();
    try {
      elsewhere.on('GET /projects', { status: 200, body: { projects: [] } });
      server.on('GET /projects', { status: 302, headers: { location: `${elsewhere.url}/projects` } });
      const error = await failure(partner().listProjects());
      expect(error.code).toBe('UPSTREAM_REJECTED');
      expect(error.upstreamStatus).toBe(302);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('tokens stay secret (QUALITY K2)', () => {
  it('sends the token only as a Bearer header', async () => {
    server.on('GET /health', { status: 200, body: { start_at: 1, uptime: 1, status: { code: 3, text: 'QR' } } });
    await gate().health();
    const seen = server.requests[0]!;
    expect(seen.headers.authorization).toBe(`Bearer ${CHANNEL_TOKEN}`);
    expect(seen.query.has('token')).toBe(false);
  });

  it('keeps tokens out of every error and every log line, whatever goes wrong', async () => {
    const echo = `Invalid token ${CHANNEL_TOKEN} / Bearer ${PARTNER_TOKEN}`;
    server.on('GET /health', whapiError(401, echo));
    server.on('GET /settings', busy);
    server.on('POST /messages/text', 'hang');
    server.on('GET /channels/MANTIS-PF298', { status: 200, body: { token: 42 } });
    server.on('GET /projects', whapiError(403, `forbidden for ${PARTNER_TOKEN}`));

    const errors = [
      await failure(gate().health()),
      await failure(gate({ breaker: { threshold: 1, halfOpenAfterMs: 10_000 } }).getSettings()),
      await failure(gate({ timeoutMs: 100 }).sendText({ to: '15550001111', body: 'hi' })),
      await failure(partner().getChannel('MANTIS-PF298')),
      await failure(partner().listProjects()),
    ];
    // The one-outage breaker opens on the first attempt, so its retry fails fast.
    expect(errors.map((e) => e.kind)).toEqual(['token', 'circuit_open', 'timeout', 'bad_reply', 'forbidden']);
    expect(logged.map((l) => l.msg)).toEqual(
      expect.arrayContaining(['WHAPI circuit opened: failing fast', 'WHAPI call failed; retrying', 'WHAPI reply did not match the expected shape']),
    );
    expect(logged.length).toBeGreaterThan(0);

    const everything = JSON.stringify([
      errors.map((e) => ({ ...e, message: e.message, cause: String(e.cause), stack: e.stack })),
      logged,
    ]);
    for (const secret of [CHANNEL_TOKEN, PARTNER_TOKEN]) expect(everything).not.toContain(secret);
    expect(errors[0]!.message).toContain('Invalid token');
  });
});
