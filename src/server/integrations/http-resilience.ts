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

// QUALITY O1 for every outside HTTP service (WHAPI, PayPal): at most 15 s per attempt, at most 3 retries and only
// for calls the adapter marks safe, exponential backoff with jitter, Retry-After honoured, and one circuit breaker
// per base URL that fails fast while open. Each adapter says which of its errors are outages.

export const MAX_TIMEOUT_MS = 15_000;
export const MAX_RETRIES = 3;

export interface RetrySettings {
  /** Default 2, never more than 3. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this ends the call at once; the caller gets it in the error. */
  maxRetryAfterMs?: number;
}

export interface BreakerSettings {
  /** Consecutive outages that open the circuit. Default 5. */
  threshold?: number;
  halfOpenAfterMs?: number;
}

/** Per attempt, including reading the body: the requested value, capped at 15 s. */
export function attemptTimeoutMs(requested?: number): number {
  return Math.min(Math.max(1, requested ?? MAX_TIMEOUT_MS), MAX_TIMEOUT_MS);
}

export interface RetryRules {
  /** Outages and rate limits; never answers such as 400 or 404. */
  isRetryable(error: unknown): boolean;
  /** The wait the service asked for (Retry-After), if any. */
  retryAfterMs(error: unknown): number | null;
}

export function createRetryPolicy(settings: RetrySettings | undefined, rules: RetryRules): RetryPolicy {
  const retries = Math.min(Math.max(0, settings?.retries ?? 2), MAX_RETRIES);
  const baseDelayMs = Math.max(0, settings?.baseDelayMs ?? 250);
  const maxDelayMs = Math.max(baseDelayMs, settings?.maxDelayMs ?? 4_000);
  const maxRetryAfterMs = settings?.maxRetryAfterMs ?? 10_000;

  return retry(
    handleWhen((error) => {
      if (!rules.isRetryable(error)) return false;
      const retryAfter = rules.retryAfterMs(error);
      return retryAfter === null || retryAfter <= maxRetryAfterMs;
    }),
    {
      maxAttempts: retries,
      backoff: new DelegateBackoff((ctx) => {
        // "Equal jitter": half fixed, half random, so retries spread out but never collapse to zero.
        const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (ctx.attempt - 1));
        const jittered = exp / 2 + Math.random() * (exp / 2);
        const retryAfter = 'error' in ctx.result ? (rules.retryAfterMs(ctx.result.error) ?? 0) : 0;
        return Math.max(jittered, retryAfter);
      }),
    },
  );
}

export interface Breaker {
  policy: CircuitBreakerPolicy;
  halfOpenAfterMs: number;
  openedAt: number;
}

export interface BreakerEvents {
  onBreak?(host: string, halfOpenAfterMs: number): void;
  onReset?(host: string): void;
}

export interface BreakerRegistry {
  /** The breaker of this base URL (and settings, which only tests change), created on first use. */
  get(baseUrl: string, settings?: BreakerSettings, events?: BreakerEvents): Breaker;
  /** Tests only: forget every breaker so one test's outages don't leak into the next. */
  clear(): void;
}

/** One registry per service; `isOutage` says which failures count (answers such as 404 prove the service is up). */
export function createBreakerRegistry(isOutage: (error: unknown) => boolean): BreakerRegistry {
  const breakers = new Map<string, Breaker>();
  return {
    get(baseUrl, settings, events) {
      const threshold = Math.max(1, settings?.threshold ?? 5);
      const halfOpenAfterMs = Math.max(1, settings?.halfOpenAfterMs ?? 30_000);
      const key = `${baseUrl}|${threshold}|${halfOpenAfterMs}`;
      const existing = breakers.get(key);
      if (existing) return existing;
      const policy = circuitBreaker(handleWhen(isOutage), { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(threshold) });
      const created: Breaker = { policy, halfOpenAfterMs, openedAt: 0 };
      const host = safeHost(baseUrl);
      policy.onBreak(() => {
        created.openedAt = Date.now();
        events?.onBreak?.(host, halfOpenAfterMs);
      });
      policy.onReset(() => events?.onReset?.(host));
      breakers.set(key, created);
      return created;
    },
    clear() {
      breakers.clear();
    },
  };
}

/** Runs one attempt through the breaker; while it is open, `whenOpen` builds the error, given how long to wait. */
export async function throughBreaker<T>(breaker: Breaker, fn: () => Promise<T>, whenOpen: (retryAfterMs: number) => Error): Promise<T> {
  try {
    return await breaker.policy.execute(fn);
  } catch (error) {
    if (error instanceof BrokenCircuitError) {
      const remaining = breaker.halfOpenAfterMs - (Date.now() - breaker.openedAt);
      throw whenOpen(Math.max(1000, remaining));
    }
    throw error;
  }
}

/** For logs: never userinfo, path or query. */
export function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'invalid-url';
  }
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
