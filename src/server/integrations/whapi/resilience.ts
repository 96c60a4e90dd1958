import type { RetryPolicy } from 'cockatiel';
import {
  attemptTimeoutMs,
  createBreakerRegistry,
  createRetryPolicy,
  throughBreaker as runThroughBreaker,
  type Breaker,
} from '../http-resilience';
import { circuitOpenError, isWhapiError } from './errors';
import type { WhapiClientOptions } from './types';

// QUALITY O1 (shared rules in ../http-resilience.ts): retries for safe calls on outages and 429, one circuit breaker
// per WHAPI base URL — every channel on gate.whapi.cloud shares one.

export { MAX_TIMEOUT_MS, type Breaker } from '../http-resilience';

export interface Resilience {
  timeoutMs: number;
  retry: RetryPolicy;
  /** Looked up per call, so that resetWhapiCircuitBreakers() also reaches clients created earlier. */
  breaker: () => Breaker;
}

// Only outages reach the breaker as failures; answers such as 404 or 409 prove WHAPI is up (see http.ts).
const breakers = createBreakerRegistry((e) => isWhapiError(e) && e.isOutage);

/** Tests only: forget every breaker so one test's outages don't leak into the next. */
export function resetWhapiCircuitBreakers(): void {
  breakers.clear();
}

export function resilienceFor(baseUrl: string, options: WhapiClientOptions): Resilience {
  const retry = createRetryPolicy(options.retry, {
    isRetryable: (e) => isWhapiError(e) && (e.isOutage || (e.kind === 'limit' && e.upstreamStatus === 429)),
    retryAfterMs: (e) => (isWhapiError(e) ? e.retryAfterMs : null),
  });
  const breaker = () =>
    breakers.get(baseUrl, options.breaker, {
      onBreak: (whapiHost, halfOpenAfterMs) => options.log?.warn({ whapiHost, halfOpenAfterMs }, 'WHAPI circuit opened: failing fast'),
      onReset: (whapiHost) => options.log?.warn({ whapiHost }, 'WHAPI circuit closed again'),
    });
  return { timeoutMs: attemptTimeoutMs(options.timeoutMs), retry, breaker };
}

/** Runs one attempt through the breaker; an open circuit becomes UPSTREAM_UNAVAILABLE at once. */
export function throughBreaker<T>(breaker: Breaker, operation: string, fn: () => Promise<T>): Promise<T> {
  return runThroughBreaker(breaker, fn, (retryAfterMs) => circuitOpenError(operation, retryAfterMs));
}
