import type { z } from 'zod';
import { fetchAttempt, parseReplyJson, settleOutcome, type AttemptOutcome } from '../http-exchange';
import {
  attemptTimeoutMs,
  createBreakerRegistry,
  createRetryPolicy,
  parseRetryAfter,
  throughBreaker,
} from '../http-resilience';
import { circuitOpenError, errorFromResponse, invalidResponseError, isPayPalError, networkError, timeoutError, type PayPalError } from './errors';
import type { PayPalClientOptions } from './types';

// The one place that talks HTTP to PayPal: a timeout per attempt (≤ 15 s), retries only for calls marked safe,
// one circuit breaker per base URL (QUALITY O1, rules shared with WHAPI in ../http-resilience.ts). Credentials
// travel only in the Authorization header and are redacted from anything PayPal echoes (QUALITY K2).

export interface PayPalCall {
  method: 'GET' | 'POST';
  /** Already encoded, starting with `/`. */
  path: string;
  /** A template such as `GET /v1/billing/subscriptions/{id}`: used in logs and errors, never holds ids. */
  operation: string;
  /** `Bearer …` or `Basic …`. */
  authorization: string;
  /** Already serialised, so that verify can splice the webhook's exact bytes in (NOTES §10). */
  body?: { contentType: string; text: string };
  headers?: Record<string, string>;
  /** Only GETs, token calls and the create POST (made idempotent by PayPal-Request-Id) are retried. */
  retry: boolean;
  /** Noun for a 404 message, e.g. "the subscription". */
  what?: string;
}

export interface PayPalReply {
  status: number;
  /** Parsed JSON, null for an empty body, undefined when the body is not JSON. */
  json: unknown;
  debugId: string | null;
}

export interface PayPalHttp {
  send(call: PayPalCall): Promise<PayPalReply>;
  /** Parses a reply into our type, or throws kind 'invalid_response'. */
  parse<S extends z.ZodType>(schema: S, reply: PayPalReply, operation: string): z.output<S>;
}

/** Outages only: answers such as 404 or 422 prove PayPal is up. */
const breakers = createBreakerRegistry((e) => isPayPalError(e) && e.isOutage);

/** Tests only: forget every breaker so one test's outages don't leak into the next. */
export function resetPayPalCircuitBreakers(): void {
  breakers.clear();
}

/** An answer that is not an outage travels through the breaker as a value, so the breaker counts it a success. */
type Outcome = AttemptOutcome<PayPalReply, PayPalError>;

export function createPayPalHttp(options: PayPalClientOptions, secrets: () => readonly string[]): PayPalHttp {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = attemptTimeoutMs(options.timeoutMs);
  const retry = createRetryPolicy(options.retry, {
    isRetryable: (e) => isPayPalError(e) && (e.isOutage || e.kind === 'rate_limited'),
    retryAfterMs: (e) => (isPayPalError(e) ? e.retryAfterMs : null),
  });
  retry.onRetry((event) => {
    const error = 'error' in event && isPayPalError(event.error) ? event.error : undefined;
    options.log?.warn(
      { operation: error?.operation, paypalStatus: error?.status ?? null, attempt: event.attempt, delayMs: Math.round(event.delay) },
      'PayPal call failed; retrying',
    );
  });
  const breaker = () =>
    breakers.get(baseUrl, options.breaker, {
      onBreak: (paypalHost, halfOpenAfterMs) => options.log?.warn({ paypalHost, halfOpenAfterMs }, 'PayPal circuit opened: failing fast'),
      onReset: (paypalHost) => options.log?.warn({ paypalHost }, 'PayPal circuit closed again'),
    });

  async function attempt(call: PayPalCall): Promise<Outcome> {
    const { response, text, json } = await fetchAttempt(
      fetchImpl,
      `${baseUrl}${call.path}`,
      {
        method: call.method,
        headers: {
          authorization: call.authorization,
          accept: 'application/json',
          ...(call.body ? { 'content-type': call.body.contentType } : {}),
          ...call.headers,
        },
        body: call.body?.text,
      },
      timeoutMs,
      { timeout: () => timeoutError(call.operation, timeoutMs), network: (error) => networkError(call.operation, error) },
    );
    const debugId = response.headers.get('paypal-debug-id');
    if (response.status >= 200 && response.status < 300) return { ok: true, reply: { status: response.status, json, debugId } };
    const error = errorFromResponse({
      operation: call.operation,
      what: call.what,
      status: response.status,
      bodyText: text,
      json,
      debugIdHeader: debugId,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      secrets: secrets(),
    });
    if (error.isOutage) throw error; // counted by the breaker
    return { ok: false, error };
  }

  function once(call: PayPalCall): Promise<PayPalReply> {
    return settleOutcome(throughBreaker(breaker(), () => attempt(call), (ms) => circuitOpenError(call.operation, ms)));
  }

  return {
    send(call) {
      return call.retry ? retry.execute(() => once(call)) : once(call);
    },
    parse(schema, reply, operation) {
      return parseReplyJson(schema, reply.json, (problem) => {
        options.log?.warn({ operation, status: reply.status, problem, debugId: reply.debugId }, 'PayPal reply did not match the expected shape');
        return invalidResponseError(operation, reply.status, problem, reply.debugId);
      });
    },
  };
}
