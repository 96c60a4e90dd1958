import type { z } from 'zod';
import { fetchAttempt, parseReplyJson, settleOutcome, type AttemptOutcome } from '../http-exchange';
import { parseRetryAfter } from '../http-resilience';
import {
  badReplyError,
  errorFromResponse,
  networkError,
  timeoutError,
  type WhapiApi,
  type WhapiError,
  type WhapiErrorKind,
} from './errors';
import { resilienceFor, throughBreaker } from './resilience';
import type { WhapiClientOptions } from './types';

// The one place that talks HTTP to WHAPI: JSON, Bearer token, a timeout per attempt, retries for idempotent calls,
// the shared circuit breaker. The token lives only in the Authorization header: it is never logged, never put in a
// message, and any echo of it in WHAPI's text is redacted (QUALITY K2).

export interface WhapiCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Already encoded, starting with `/`. */
  path: string;
  /** A template such as `GET /channels/{id}`: used in logs and errors, so it never holds ids or phones. */
  operation: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Only idempotent calls are retried (docs/whapi.md "Retries"). */
  idempotent: boolean;
  /** Noun for a 404 message, e.g. "the channel". */
  what?: string;
  statusKinds?: Partial<Record<number, WhapiErrorKind>>;
  /** Non-2xx statuses that count as an answer rather than an error (e.g. DELETE → 404). */
  acceptStatuses?: readonly number[];
}

export interface WhapiReply {
  status: number;
  /** Parsed JSON, null for an empty body, undefined when the body is not JSON. */
  json: unknown;
  text: string;
}

export interface WhapiHttp {
  send(call: WhapiCall): Promise<WhapiReply>;
  /** Parses a reply into our type, or throws UPSTREAM_REJECTED "WHAPI sent a reply we could not read". */
  parse<S extends z.ZodType>(schema: S, reply: WhapiReply, operation: string): z.output<S>;
}

/** An answer that is not an outage travels through the breaker as a value, so the breaker counts it a success. */
type Outcome = AttemptOutcome<WhapiReply, WhapiError>;

export function createWhapiHttp(options: WhapiClientOptions, api: WhapiApi): WhapiHttp {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? fetch;
  const secrets = [options.token];
  const { timeoutMs, retry, breaker } = resilienceFor(baseUrl, options);

  retry.onRetry((event) => {
    const error = 'error' in event ? (event.error as WhapiError) : undefined;
    options.log?.warn(
      { operation: error?.operation, upstreamStatus: error?.upstreamStatus ?? null, attempt: event.attempt, delayMs: Math.round(event.delay) },
      'WHAPI call failed; retrying',
    );
  });

  async function attempt(call: WhapiCall): Promise<Outcome> {
    const { response, text, json } = await fetchAttempt(
      fetchImpl,
      buildUrl(baseUrl, call.path, call.query),
      {
        method: call.method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      },
      timeoutMs,
      {
        timeout: () => timeoutError(call.operation, timeoutMs, 'no answer before the timeout'),
        network: (error) => networkError(call.operation, error),
      },
    );
    const reply: WhapiReply = { status: response.status, json, text };
    if ((response.status >= 200 && response.status < 300) || call.acceptStatuses?.includes(response.status)) {
      return { ok: true, reply };
    }
    const error = errorFromResponse({
      api,
      operation: call.operation,
      what: call.what,
      statusKinds: call.statusKinds,
      status: response.status,
      bodyText: text,
      json,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      secrets,
    });
    if (error.isOutage) throw error; // counted by the breaker
    return { ok: false, error };
  }

  function once(call: WhapiCall): Promise<WhapiReply> {
    return settleOutcome(throughBreaker(breaker(), call.operation, () => attempt(call)));
  }

  return {
    send(call) {
      return call.idempotent ? retry.execute(() => once(call)) : once(call);
    },
    parse(schema, reply, operation) {
      return parseReplyJson(schema, reply.json, (problem) => {
        options.log?.warn({ operation, status: reply.status, problem }, 'WHAPI reply did not match the expected shape');
        return badReplyError(operation, problem);
      });
    },
  };
}

function buildUrl(baseUrl: string, path: string, query: WhapiCall['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    // NOTES §0: boolean query params must be the strings true/false.
    if (value !== undefined) params.set(key, String(value));
  }
  const qs = params.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}
