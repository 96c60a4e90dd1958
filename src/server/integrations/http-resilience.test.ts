import { describe, expect, it } from 'vitest';
import { MAX_TIMEOUT_MS, attemptTimeoutMs, createBreakerRegistry, createRetryPolicy, parseRetryAfter, safeHost, throughBreaker } from './http-resilience';

// The shared QUALITY O1 rules; each adapter's own tests (whapi/http.test.ts, paypal/http.test.ts) drive them end to end.

class Outage extends Error {
  constructor(readonly retryAfterMs: number | null = null) {
    super('outage');
  }
}
const rules = { isRetryable: (e: unknown) => e instanceof Outage, retryAfterMs: (e: unknown) => (e instanceof Outage ? e.retryAfterMs : null) };

async function attemptsUntilGivingUp(retries: number | undefined, error: () => Error): Promise<number> {
  let attempts = 0;
  const policy = createRetryPolicy({ retries, baseDelayMs: 1, maxDelayMs: 2 }, rules);
  await policy
    .execute(() => {
      attempts++;
      throw error();
    })
    .catch(() => undefined);
  return attempts;
}

describe('retry policy', () => {
  it('retries outages twice by default and never more than 3 times', async () => {
    expect(await attemptsUntilGivingUp(undefined, () => new Outage())).toBe(3);
    expect(await attemptsUntilGivingUp(10, () => new Outage())).toBe(4);
    expect(await attemptsUntilGivingUp(0, () => new Outage())).toBe(1);
  });

  it('does not retry what the adapter calls an answer, nor wait for a Retry-After beyond the cap', async () => {
    expect(await attemptsUntilGivingUp(3, () => new Error('404'))).toBe(1);
    expect(await attemptsUntilGivingUp(3, () => new Outage(60_000))).toBe(1);
  });
});

describe('circuit breaker registry', () => {
  it('keeps one breaker per base URL and fails fast while it is open', async () => {
    const registry = createBreakerRegistry((e) => e instanceof Outage);
    const opened: string[] = [];
    const breaker = registry.get('https://user:pw@api.example.com/x?y=1', { threshold: 1, halfOpenAfterMs: 60_000 }, { onBreak: (host) => opened.push(host) });
    expect(registry.get('https://user:pw@api.example.com/x?y=1', { threshold: 1, halfOpenAfterMs: 60_000 })).toBe(breaker);
    const whenOpen = (ms: number) => new Error(`open for ${ms}`);
    await expect(throughBreaker(breaker, () => Promise.reject(new Outage()), whenOpen)).rejects.toBeInstanceOf(Outage);
    await expect(throughBreaker(breaker, () => Promise.resolve(1), whenOpen)).rejects.toThrow(/^open for \d+$/);
    expect(opened).toEqual(['api.example.com']);
    registry.clear();
    expect(registry.get('https://user:pw@api.example.com/x?y=1', { threshold: 1, halfOpenAfterMs: 60_000 })).not.toBe(breaker);
  });
});

describe('timeouts and hosts', () => {
  it('caps every attempt at 15 s', () => {
    expect(attemptTimeoutMs(60_000)).toBe(MAX_TIMEOUT_MS);
    expect(attemptTimeoutMs()).toBe(15_000);
    expect(attemptTimeoutMs(200)).toBe(200);
  });

  it('names a host without userinfo, path or query', () => {
    expect(safeHost('https://user:secret@api-m.paypal.com/v1?x=1')).toBe('api-m.paypal.com');
    expect(safeHost('not a url')).toBe('invalid-url');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
