import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  DelegateBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type RetryPolicy,
} from 'cockatiel';
import { circuitOpenError, isWhapiError } from './errors';
import type { WhapiClientOptions } from './types';

// QUALITY O1: at most 3 retries and only for safe calls, exponential backoff with jitter, Retry-After honoured,
// one circuit breaker per WHAPI base URL that fails fast while open.

export const MAX_TIMEOUT_MS = 15_000;
const MAX_RETRIES = 3;

export interface Resilience {
  timeoutMs: number;
  retry: RetryPolicy;
  /** Looked up per call, so that resetWhapiCircuitBreakers() also reaches clients created earlier. */
  breaker: () => Breaker;
}

export interface Breaker {
  policy: CircuitBreakerPolicy;
  halfOpenAfterMs: number;
  openedAt: number;
}

const breakers = new Map<string, Breaker>();

/** Tests only: forget every breaker so one test's outages don't leak into the next. */
export function resetWhapiCircuitBreakers(): void {
  breakers.clear();
}

function breakerFor(baseUrl: string, options: WhapiClientOptions): Breaker {
  const threshold = Math.max(1, options.breaker?.threshold ?? 5);
  const halfOpenAfterMs = Math.max(1, options.breaker?.halfOpenAfterMs ?? 30_000);
  // Keyed by base URL (and settings, which only tests change): every channel on gate.whapi.cloud shares one.
  const key = `${baseUrl}|${threshold}|${halfOpenAfterMs}`;
  let breaker = breakers.get(key);
  if (!breaker) {
    // Only outages reach the breaker as failures; answers such as 404 or 409 prove WHAPI is up (see http.ts).
    const policy = circuitBreaker(
      handleWhen((e) => isWhapiError(e) && e.isOutage),
      { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(threshold) },
    );
    const created: Breaker = { policy, halfOpenAfterMs, openedAt: 0 };
    const host = safeHost(baseUrl);
    policy.onBreak(() => {
      created.openedAt = Date.now();
      options.log?.warn({ whapiHost: host, halfOpenAfterMs }, 'WHAPI circuit opened: failing fast');
    });
    policy.onReset(() => options.log?.warn({ whapiHost: host }, 'WHAPI circuit closed again'));
    breakers.set(key, created);
    breaker = created;
  }
  return breaker;
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host; // never userinfo, path or query
  } catch {
    return 'invalid-url';
  }
}

export function resilienceFor(baseUrl: string, options: WhapiClientOptions): Resilience {
  const timeoutMs = Math.min(Math.max(1, options.timeoutMs ?? MAX_TIMEOUT_MS), MAX_TIMEOUT_MS);
  const retries = Math.min(Math.max(0, options.retry?.retries ?? 2), MAX_RETRIES);
  const baseDelayMs = Math.max(0, options.retry?.baseDelayMs ?? 250);
  const maxDelayMs = Math.max(baseDelayMs, options.retry?.maxDelayMs ?? 4_000);
  const maxRetryAfterMs = options.retry?.maxRetryAfterMs ?? 10_000;

  const policy = retry(
    handleWhen((e) => {
      if (!isWhapiError(e)) return false;
      // A Retry-After longer than we are willing to wait ends the call now; the caller gets it in the error.
      if (e.retryAfterMs !== null && e.retryAfterMs > maxRetryAfterMs) return false;
      return e.isOutage || (e.kind === 'limit' && e.upstreamStatus === 429);
    }),
    {
      maxAttempts: retries,
      backoff: new DelegateBackoff((ctx) => {
        // "Equal jitter": half fixed, half random, so retries spread out but never collapse to zero.
        const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (ctx.attempt - 1));
        const jittered = exp / 2 + Math.random() * (exp / 2);
        const error = 'error' in ctx.result ? ctx.result.error : undefined;
        const retryAfter = isWhapiError(error) ? (error.retryAfterMs ?? 0) : 0;
        return Math.max(jittered, retryAfter);
      }),
    },
  );
  return { timeoutMs, retry: policy, breaker: () => breakerFor(baseUrl, options) };
}

/** Runs one attempt through the breaker; an open circuit becomes UPSTREAM_UNAVAILABLE at once. */
export async function throughBreaker<T>(breaker: Breaker, operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await breaker.policy.execute(fn);
  } catch (error) {
    if (error instanceof BrokenCircuitError) {
      const remaining = breaker.halfOpenAfterMs - (Date.now() - breaker.openedAt);
      throw circuitOpenError(operation, Math.max(1000, remaining));
    }
    throw error;
  }
}
