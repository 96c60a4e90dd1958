import type { ErrorCode } from '../../../contracts/errors';
import { AppError } from '../../app-error';
import { describeFetchFailure, redact } from '../safe-text';
import { wireError } from './schemas';

/**
 * What went wrong with a WHAPI call, in our words. Callers branch on `kind` (or `upstreamStatus`), the UI shows
 * `message`, which always carries WHAPI's own text when WHAPI sent one.
 */
export type WhapiErrorKind =
  | 'token' // WHAPI does not accept our partner or channel token (or the channel no longer exists)
  | 'forbidden' // 403: not allowed for this token / recipient
  | 'not_found' // 404 on a named resource (channel, project, message, media)
  | 'conflict' // 409: e.g. already linked, already logged out
  | 'limit' // 402 trial quota, 429 rate limit
  | 'not_linked' // Gate send 401: the WhatsApp number is not linked (channel not AUTH)
  | 'rejected' // other 4xx and 3xx: WHAPI refused this request
  | 'unavailable' // 5xx, 408 or a network failure
  | 'timeout' // no answer in time
  | 'circuit_open' // we stopped calling for a while after repeated outages
  | 'bad_reply'; // 2xx whose body we cannot read, or `success: false`

const CODES: Record<WhapiErrorKind, ErrorCode> = {
  token: 'UPSTREAM_REJECTED',
  forbidden: 'UPSTREAM_REJECTED',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  limit: 'RATE_LIMITED',
  not_linked: 'UPSTREAM_REJECTED',
  rejected: 'UPSTREAM_REJECTED',
  unavailable: 'UPSTREAM_UNAVAILABLE',
  timeout: 'UPSTREAM_UNAVAILABLE',
  circuit_open: 'UPSTREAM_UNAVAILABLE',
  bad_reply: 'UPSTREAM_REJECTED',
};

export interface WhapiErrorDetails {
  kind: WhapiErrorKind;
  /** e.g. `GET /channels/{id}`: a template, so it never holds ids, phones or tokens. */
  operation: string;
  upstreamStatus?: number | null;
  upstreamMessage?: string | null;
  upstreamCode?: number | string | null;
  retryAfterMs?: number | null;
  cause?: unknown;
}

export class WhapiError extends AppError {
  readonly kind: WhapiErrorKind;
  readonly operation: string;
  /** WHAPI's HTTP status; null when no answer arrived (timeout, network, open circuit). */
  readonly upstreamStatus: number | null;
  /** WHAPI's own error text (token-redacted), or null. */
  readonly upstreamMessage: string | null;
  /** `error.code` from WHAPI's body; may differ from the HTTP status (NOTES §10.13). */
  readonly upstreamCode: number | string | null;
  readonly retryAfterMs: number | null;

  constructor(message: string, details: WhapiErrorDetails) {
    const retryAfterMs = details.retryAfterMs ?? null;
    const headers = retryAfterMs !== null ? { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } : undefined;
    super(CODES[details.kind], message, { ...(headers ? { headers } : {}), cause: details.cause });
    this.name = 'WhapiError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.upstreamStatus = details.upstreamStatus ?? null;
    this.upstreamMessage = details.upstreamMessage ?? null;
    this.upstreamCode = details.upstreamCode ?? null;
    this.retryAfterMs = retryAfterMs;
  }

  /** Outages (not answers) are what the circuit breaker counts and what safe calls retry. */
  get isOutage(): boolean {
    return this.kind === 'unavailable' || this.kind === 'timeout';
  }
}

export const isWhapiError = (error: unknown): error is WhapiError => error instanceof WhapiError;

export type WhapiApi = 'partner' | 'gate';

export interface ResponseErrorContext {
  api: WhapiApi;
  operation: string;
  /** Noun for a 404, e.g. "the channel". */
  what?: string;
  /** Per-call meaning of a status where it differs from the default (e.g. Gate send 401 = not linked). */
  statusKinds?: Partial<Record<number, WhapiErrorKind>>;
  status: number;
  bodyText: string;
  json: unknown;
  retryAfterMs: number | null;
  secrets: readonly string[];
}

function kindFor(ctx: ResponseErrorContext, upstreamMessage: string | null): WhapiErrorKind {
  const { status, api } = ctx;
  // NOTES §8: an unknown/invalid channel token gives Gate 404 "Channel not found", whatever the call.
  if (api === 'gate' && status === 404 && /channel not found/i.test(upstreamMessage ?? '')) return 'token';
  const override = ctx.statusKinds?.[status];
  if (override) return override;
  if (status === 401) return 'token';
  if (status === 403) return 'forbidden';
  if (status === 404) return api === 'gate' ? 'token' : 'not_found';
  if (status === 409) return 'conflict';
  if (status === 402 || status === 429) return 'limit';
  if (status === 408 || status >= 500) return 'unavailable';
  return 'rejected';
}

function leadFor(kind: WhapiErrorKind, ctx: ResponseErrorContext): string {
  switch (kind) {
    case 'token':
      return ctx.api === 'partner'
        ? 'WHAPI rejected the partner token'
        : 'WHAPI rejected the channel token (the channel may have been deleted)';
    case 'forbidden':
      return 'WHAPI refused this request';
    case 'not_found':
      return `WHAPI could not find ${ctx.what ?? 'it'}`;
    case 'conflict':
      return 'WHAPI reported a conflict';
    case 'limit':
      return ctx.status === 402 ? 'The WHAPI plan limit was reached' : 'WHAPI asked us to slow down; try again later';
    case 'not_linked':
      return 'The WhatsApp number is not linked to this channel';
    case 'unavailable':
      return 'WHAPI is unavailable';
    default:
      return 'WHAPI rejected the request';
  }
}

/** Maps a non-2xx answer to a WhapiError whose message keeps WHAPI's text, e.g.
 * `WHAPI reported a conflict (WHAPI 409: Channel already authenticated)`. */
export function errorFromResponse(ctx: ResponseErrorContext): WhapiError {
  const upstream = upstreamText(ctx.json, ctx.bodyText, ctx.secrets);
  const kind = kindFor(ctx, upstream.message);
  const suffix = upstream.message ? `WHAPI ${ctx.status}: ${upstream.message}` : `WHAPI ${ctx.status}`;
  return new WhapiError(`${leadFor(kind, ctx)} (${suffix}).`, {
    kind,
    operation: ctx.operation,
    upstreamStatus: ctx.status,
    upstreamMessage: upstream.message,
    upstreamCode: upstream.code,
    retryAfterMs: kind === 'limit' || kind === 'unavailable' ? ctx.retryAfterMs : null,
  });
}

export function timeoutError(operation: string, timeoutMs: number, cause: unknown): WhapiError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new WhapiError(`WHAPI did not answer within ${seconds} s; try again shortly.`, { kind: 'timeout', operation, cause });
}

export function networkError(operation: string, cause: unknown): WhapiError {
  return new WhapiError('Could not reach WHAPI; try again shortly.', { kind: 'unavailable', operation, cause: describeFetchFailure(cause) });
}

export function circuitOpenError(operation: string, retryAfterMs: number): WhapiError {
  return new WhapiError('WHAPI is unavailable; try again shortly.', { kind: 'circuit_open', operation, retryAfterMs });
}

export function badReplyError(operation: string, problem: string): WhapiError {
  return new WhapiError(`WHAPI sent a reply we could not read (${operation}).`, { kind: 'bad_reply', operation, cause: problem });
}

const MAX_UPSTREAM_TEXT = 300;

function upstreamText(json: unknown, bodyText: string, secrets: readonly string[]): { message: string | null; code: number | string | null } {
  const parsed = wireError.safeParse(json);
  let message: string | null = null;
  let code: number | string | null = null;
  if (parsed.success) {
    const e = parsed.data.error;
    if (typeof e === 'string') message = e;
    else {
      code = e.code ?? null;
      message = [e.message, e.details].filter((part): part is string => !!part && part.trim() !== '').join(': ') || null;
    }
  } else if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    message = (json as { message: string }).message;
  } else if (json === undefined && bodyText.trim() && !/^\s*</.test(bodyText)) {
    // Plain-text error from a proxy; an HTML error page says nothing useful to a person.
    message = bodyText.trim();
  }
  if (message === null) return { message: null, code };
  const clean = redact(message.replace(/\s+/g, ' ').trim(), secrets);
  return { message: clean.length > MAX_UPSTREAM_TEXT ? `${clean.slice(0, MAX_UPSTREAM_TEXT)}…` : clean, code };
}
