import type { ErrorCode } from '../../../contracts/errors';
import { AppError } from '../../app-error';
import { describeFetchFailure, redact } from '../safe-text';
import { wireError, wireOAuthError } from './schemas';

/**
 * What went wrong with a PayPal call. Callers branch on `kind`, then on `issue` (details[0].issue), never on
 * `description`, which PayPal says "can change" (NOTES §6.2). People see `userMessage`, which carries PayPal's own
 * words when PayPal sent any.
 */
export type PayPalErrorKind =
  | 'auth' // 401/403: our credentials or token were refused, or lack the permission
  | 'not_found' // 404
  | 'unprocessable' // 422: a business rule, e.g. PLAN_STATUS_INVALID, SUBSCRIPTION_STATUS_INVALID
  | 'bad_request' // other 4xx: PayPal refused this request as written
  | 'rate_limited' // 429 RATE_LIMIT_REACHED
  | 'unavailable' // 5xx or 408
  | 'network' // no connection
  | 'timeout' // no answer in time
  | 'invalid_response' // an answer we cannot read (or a redirect we will not follow)
  | 'circuit_open'; // we stopped calling for a while after repeated outages

export interface PayPalErrorDetails {
  kind: PayPalErrorKind;
  /** e.g. `GET /v1/billing/subscriptions/{id}`: a template, so it never holds ids or tokens. */
  operation: string;
  status?: number | null;
  /** PayPal's error name (UNPROCESSABLE_ENTITY, or invalid_client for the token endpoint). */
  name?: string | null;
  issue?: string | null;
  description?: string | null;
  debugId?: string | null;
  retryAfterMs?: number | null;
  /** Our first words for `userMessage`, e.g. "PayPal could not find the subscription". */
  lead: string;
  cause?: unknown;
}

const OUTAGES: readonly PayPalErrorKind[] = ['unavailable', 'network', 'timeout'];
const TRANSIENT: readonly PayPalErrorKind[] = [...OUTAGES, 'rate_limited', 'circuit_open'];

const APP_CODES: Record<PayPalErrorKind, ErrorCode> = {
  auth: 'UPSTREAM_REJECTED',
  not_found: 'NOT_FOUND',
  unprocessable: 'UPSTREAM_REJECTED',
  bad_request: 'UPSTREAM_REJECTED',
  rate_limited: 'RATE_LIMITED',
  unavailable: 'UPSTREAM_UNAVAILABLE',
  network: 'UPSTREAM_UNAVAILABLE',
  timeout: 'UPSTREAM_UNAVAILABLE',
  invalid_response: 'UPSTREAM_REJECTED',
  circuit_open: 'UPSTREAM_UNAVAILABLE',
};

export class PayPalError extends Error {
  readonly kind: PayPalErrorKind;
  readonly operation: string;
  /** PayPal's HTTP status; null when no answer arrived (network, timeout, open circuit). */
  readonly status: number | null;
  readonly issue: string | null;
  readonly description: string | null;
  /** Quote it to PayPal support: body `debug_id` or the Paypal-Debug-Id header. */
  readonly debugId: string | null;
  readonly retryAfterMs: number | null;
  readonly #userMessage: string;

  constructor(details: PayPalErrorDetails) {
    const words = [details.issue ?? details.name, details.description?.replace(/[.\s]+$/, '')].filter(Boolean).join(' — ');
    const userMessage = `${details.lead}${words ? `: ${words}` : ''}.${TRANSIENT.includes(details.kind) ? ' Try again shortly.' : ''}`;
    const where = `PayPal ${details.status ?? 'gave no answer'} on ${details.operation}`;
    super(`${where}: ${userMessage}${details.debugId ? ` (debug_id ${details.debugId})` : ''}`, { cause: details.cause });
    // The brief of this adapter: `name` is PayPal's own error name, so logs show it first.
    this.name = details.name ?? 'PayPalError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.status = details.status ?? null;
    this.issue = details.issue ?? null;
    this.description = details.description ?? null;
    this.debugId = details.debugId ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.#userMessage = userMessage;
  }

  /** Readable text with PayPal's words, e.g. "PayPal refused the request: PLAN_STATUS_INVALID — Plan status is invalid." */
  get userMessage(): string {
    return this.#userMessage;
  }

  /** Outages are what the circuit breaker counts and, with 429, what safe calls retry. */
  get isOutage(): boolean {
    return OUTAGES.includes(this.kind);
  }

  /** The project's one error type (STYLE "One error type"), for a use-case that lets this failure reach a person. */
  toAppError(): AppError {
    const seconds = this.retryAfterMs === null ? null : Math.max(1, Math.ceil(this.retryAfterMs / 1000));
    return new AppError(APP_CODES[this.kind], this.userMessage, {
      ...(seconds === null ? {} : { headers: { 'Retry-After': String(seconds) } }),
      cause: this,
    });
  }
}

export const isPayPalError = (error: unknown): error is PayPalError => error instanceof PayPalError;

export interface ResponseErrorContext {
  operation: string;
  /** Noun for a 404, e.g. "the subscription". */
  what?: string;
  status: number;
  bodyText: string;
  json: unknown;
  debugIdHeader: string | null;
  retryAfterMs: number | null;
  secrets: readonly string[];
}

function kindFor(status: number): PayPalErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 422) return 'unprocessable';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'unavailable';
  if (status >= 400) return 'bad_request';
  return 'invalid_response'; // 1xx/3xx: we never follow redirects, so the token cannot travel elsewhere
}

function leadFor(kind: PayPalErrorKind, status: number, what: string | undefined): string {
  switch (kind) {
    case 'auth':
      return status === 403 ? 'PayPal did not allow this request' : 'PayPal did not accept the API credentials';
    case 'not_found':
      return `PayPal could not find ${what ?? 'it'}`;
    case 'rate_limited':
      return 'PayPal is limiting our requests';
    case 'unavailable':
      return 'PayPal is unavailable';
    case 'invalid_response':
      return `PayPal sent an answer we do not follow (HTTP ${status})`;
    default:
      return 'PayPal refused the request';
  }
}

/** Maps a non-2xx answer, REST-style or OAuth-style, to a PayPalError that keeps PayPal's words. */
export function errorFromResponse(ctx: ResponseErrorContext): PayPalError {
  const kind = kindFor(ctx.status);
  const words = upstreamWords(ctx.json, ctx.bodyText);
  const clean = (text: string | null) => (text === null ? null : tidy(text, ctx.secrets));
  return new PayPalError({
    kind,
    operation: ctx.operation,
    status: ctx.status,
    name: clean(words.name),
    issue: clean(words.issue),
    description: clean(words.description),
    debugId: clean(words.debugId ?? ctx.debugIdHeader),
    retryAfterMs: kind === 'rate_limited' || kind === 'unavailable' ? ctx.retryAfterMs : null,
    lead: leadFor(kind, ctx.status, ctx.what),
  });
}

interface UpstreamWords {
  name: string | null;
  issue: string | null;
  description: string | null;
  debugId: string | null;
}

function upstreamWords(json: unknown, bodyText: string): UpstreamWords {
  const oauth = wireOAuthError.safeParse(json);
  if (oauth.success) return { name: oauth.data.error, issue: null, description: oauth.data.error_description ?? null, debugId: null };
  const rest = wireError.safeParse(json);
  if (rest.success) {
    const first = rest.data.details?.[0];
    return {
      name: rest.data.name ?? null,
      issue: first?.issue ?? null,
      description: first?.description ?? rest.data.message ?? null,
      debugId: rest.data.debug_id ?? null,
    };
  }
  // Plain text from a proxy may help a person; an HTML error page does not.
  const plain = json === undefined && bodyText.trim() && !/^\s*</.test(bodyText) ? bodyText : null;
  return { name: null, issue: null, description: plain, debugId: null };
}

const MAX_UPSTREAM_TEXT = 300;

/** QUALITY K2: PayPal's text may echo what we sent, so secrets are redacted before it goes anywhere. */
function tidy(text: string, secrets: readonly string[]): string {
  const clean = redact(text.replace(/\s+/g, ' ').trim(), secrets);
  return clean.length > MAX_UPSTREAM_TEXT ? `${clean.slice(0, MAX_UPSTREAM_TEXT)}…` : clean;
}

export function timeoutError(operation: string, timeoutMs: number): PayPalError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new PayPalError({ kind: 'timeout', operation, lead: `PayPal did not answer within ${seconds} s` });
}

export function networkError(operation: string, cause: unknown): PayPalError {
  return new PayPalError({ kind: 'network', operation, lead: 'Could not reach PayPal', cause: describeFetchFailure(cause) });
}

export function circuitOpenError(operation: string, retryAfterMs: number): PayPalError {
  return new PayPalError({ kind: 'circuit_open', operation, lead: 'PayPal is unavailable', retryAfterMs });
}

/** A 2xx we cannot read. `problem` names paths and expectations only (zod issues), never values. */
export function invalidResponseError(operation: string, status: number, problem: string, debugId: string | null = null): PayPalError {
  return new PayPalError({ kind: 'invalid_response', operation, status, debugId, lead: 'PayPal sent a reply we could not read', cause: problem });
}
