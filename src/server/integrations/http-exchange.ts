import type { z } from 'zod';

// The HTTP plumbing every outside-service adapter (WHAPI, PayPal) shares around one attempt; what a failure means
// stays with each adapter, which passes its own errors in. The resilience rules are in ./http-resilience.ts.

export interface AttemptRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface AttemptResult {
  response: Response;
  text: string;
  /** Parsed JSON, null for an empty body, undefined when the body is not JSON. */
  json: unknown;
}

/** One attempt with its own timeout. The same signal bounds the body, so a stalled body also times out. */
export async function fetchAttempt(
  fetchImpl: typeof fetch,
  url: string,
  request: AttemptRequest,
  timeoutMs: number,
  errors: { timeout(): Error; network(cause: unknown): Error },
): Promise<AttemptResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: timeout,
      // Never follow a redirect: the Authorization header must not travel to another host.
      redirect: 'manual',
    });
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw errors.timeout();
    throw errors.network(error);
  }
  return { response, text, json: parseJsonText(text) };
}

export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An answer that is not an outage travels through the breaker as a value, so the breaker counts it a success. */
export type AttemptOutcome<R, E> = { ok: true; reply: R } | { ok: false; error: E };

/** Once past the breaker, an answer that is an error is thrown after all. */
export async function settleOutcome<R, E>(outcome: Promise<AttemptOutcome<R, E>>): Promise<R> {
  const settled = await outcome;
  if (!settled.ok) throw settled.error;
  return settled.reply;
}

/** Parses a reply into our type; a mismatch is summed up in at most five issues and handed to `mismatch`. */
export function parseReplyJson<S extends z.ZodType>(schema: S, json: unknown, mismatch: (problem: string) => Error): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  // zod issues name paths and expectations, never the values, so no token can ride along.
  const problem = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  throw mismatch(problem);
}
