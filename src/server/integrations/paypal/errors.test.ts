import { describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { PayPalError, circuitOpenError, errorFromResponse, invalidResponseError, isPayPalError, networkError, timeoutError, type ResponseErrorContext } from './errors';

const SECRET = 'EKc9-sEcReT-0123456789-abcdefghijklmnopqrstuvwxyz';

function map(status: number, json: unknown, extra: Partial<ResponseErrorContext> = {}) {
  return errorFromResponse({
    operation: 'GET /v1/x/{id}',
    status,
    bodyText: json === undefined ? '' : JSON.stringify(json),
    json,
    debugIdHeader: null,
    retryAfterMs: null,
    secrets: [SECRET],
    ...extra,
  });
}

const restError = (name: string, message: string, issue?: string, description?: string) => ({
  name,
  message,
  debug_id: 'a1b2c3d4e5f60',
  details: issue ? [{ issue, ...(description ? { description } : {}) }] : [],
});

describe('status → kind', () => {
  it.each([
    [400, 'INVALID_REQUEST', 'bad_request', 'UPSTREAM_REJECTED'],
    [401, 'AUTHENTICATION_FAILURE', 'auth', 'UPSTREAM_REJECTED'],
    [403, 'NOT_AUTHORIZED', 'auth', 'UPSTREAM_REJECTED'],
    [404, 'RESOURCE_NOT_FOUND', 'not_found', 'NOT_FOUND'],
    [409, 'RESOURCE_CONFLICT', 'bad_request', 'UPSTREAM_REJECTED'],
    [415, 'UNSUPPORTED_MEDIA_TYPE', 'bad_request', 'UPSTREAM_REJECTED'],
    [422, 'UNPROCESSABLE_ENTITY', 'unprocessable', 'UPSTREAM_REJECTED'],
    [429, 'RATE_LIMIT_REACHED', 'rate_limited', 'RATE_LIMITED'],
    [500, 'INTERNAL_SERVER_ERROR', 'unavailable', 'UPSTREAM_UNAVAILABLE'],
    [503, 'SERVICE_UNAVAILABLE', 'unavailable', 'UPSTREAM_UNAVAILABLE'],
  ] as const)('%i %s → %s (%s)', (status, name, kind, code) => {
    const error = map(status, restError(name, 'Some PayPal text.'));
    expect(error).toBeInstanceOf(Error);
    expect(isPayPalError(error)).toBe(true);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.name).toBe(name);
    expect(error.debugId).toBe('a1b2c3d4e5f60');
    expect(error.userMessage).toContain(`${name} — Some PayPal text`);
    const app = error.toAppError();
    expect(app).toBeInstanceOf(AppError);
    expect(app.code).toBe(code);
    expect(app.message).toBe(error.userMessage);
  });

  it('reads an answer it will not follow (a redirect) as invalid_response', () => {
    expect(map(302, undefined).kind).toBe('invalid_response');
  });
});

describe('PayPal’s words', () => {
  it('prefers details[0].issue and its description, and keeps the name apart', () => {
    const error = map(422, restError('UNPROCESSABLE_ENTITY', 'The requested action could not be performed.', 'PLAN_STATUS_INVALID', 'Plan status is invalid.'));
    expect(error.name).toBe('UNPROCESSABLE_ENTITY');
    expect(error.issue).toBe('PLAN_STATUS_INVALID');
    expect(error.description).toBe('Plan status is invalid.');
    expect(error.userMessage).toBe('PayPal refused the request: PLAN_STATUS_INVALID — Plan status is invalid.');
    expect(error.message).toBe(
      'PayPal 422 on GET /v1/x/{id}: PayPal refused the request: PLAN_STATUS_INVALID — Plan status is invalid. (debug_id a1b2c3d4e5f60)',
    );
  });

  it('falls back to the top-level message when details carry no description', () => {
    const error = map(400, restError('INVALID_REQUEST', 'Request is not well-formed.', 'MISSING_REQUIRED_PARAMETER'));
    expect(error.userMessage).toBe('PayPal refused the request: MISSING_REQUIRED_PARAMETER — Request is not well-formed.');
  });

  it('reads the token endpoint’s OAuth shape', () => {
    const error = map(401, { error: 'invalid_client', error_description: 'Client Authentication failed' }, { debugIdHeader: 'f00d' });
    expect(error.kind).toBe('auth');
    expect(error.name).toBe('invalid_client');
    expect(error.issue).toBeNull();
    expect(error.description).toBe('Client Authentication failed');
    expect(error.debugId).toBe('f00d');
    expect(error.userMessage).toBe('PayPal did not accept the API credentials: invalid_client — Client Authentication failed.');
  });

  it('names the missing thing on a 404 and the permission on a 403', () => {
    expect(map(404, restError('RESOURCE_NOT_FOUND', 'x', 'INVALID_RESOURCE_ID', 'Requested resource ID was not found.'), { what: 'the plan' }).userMessage).toBe(
      'PayPal could not find the plan: INVALID_RESOURCE_ID — Requested resource ID was not found.',
    );
    expect(map(403, restError('NOT_AUTHORIZED', 'Authorization failed due to insufficient permissions.')).userMessage).toBe(
      'PayPal did not allow this request: NOT_AUTHORIZED — Authorization failed due to insufficient permissions.',
    );
  });

  it('has clear text without PayPal’s words, keeps plain text from a proxy, and ignores HTML pages', () => {
    expect(map(502, null).userMessage).toBe('PayPal is unavailable. Try again shortly.');
    expect(map(502, null).name).toBe('PayPalError');
    expect(map(503, undefined, { bodyText: '<html><body>Bad gateway</body></html>' }).description).toBeNull();
    expect(map(503, undefined, { bodyText: 'upstream connect error' }).userMessage).toBe('PayPal is unavailable: upstream connect error. Try again shortly.');
  });

  it('takes debug_id from the Paypal-Debug-Id header when the body has none', () => {
    expect(map(500, { name: 'INTERNAL_SERVER_ERROR' }, { debugIdHeader: 'hdr123' }).debugId).toBe('hdr123');
    expect(map(500, restError('INTERNAL_SERVER_ERROR', 'x'), { debugIdHeader: 'hdr123' }).debugId).toBe('a1b2c3d4e5f60');
  });

  it('keeps Retry-After on rate limits and outages only, and hands it to the AppError', () => {
    const limited = map(429, restError('RATE_LIMIT_REACHED', 'Too many requests.'), { retryAfterMs: 2500 });
    expect(limited.retryAfterMs).toBe(2500);
    expect(limited.toAppError().options.headers).toEqual({ 'Retry-After': '3' });
    expect(map(400, null, { retryAfterMs: 2500 }).retryAfterMs).toBeNull();
    expect(map(400, null).toAppError().options.headers).toBeUndefined();
  });

  it('never repeats a secret PayPal echoes back, and caps long text (K2)', () => {
    const error = map(400, restError('INVALID_REQUEST', `client secret ${SECRET} is wrong`, 'X', `Bearer abc.def ${SECRET}`));
    expect(JSON.stringify([error.message, error.userMessage, error.description])).not.toContain(SECRET);
    expect(error.description).toBe(`Bearer [redacted] …${SECRET.slice(-4)}`);
    expect(map(400, restError('INVALID_REQUEST', 'x'.repeat(1000))).description).toHaveLength(301);
  });
});

describe('failures without an answer', () => {
  it('has readable text for timeouts, network failures, an open circuit and unreadable replies', () => {
    expect(timeoutError('GET /x', 15_000).userMessage).toBe('PayPal did not answer within 15 s. Try again shortly.');
    const network = networkError('GET /x', new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    expect(network.userMessage).toBe('Could not reach PayPal. Try again shortly.');
    expect(network.cause).toBe('TypeError: fetch failed: connect ECONNREFUSED');
    expect(circuitOpenError('GET /x', 4200).toAppError().options.headers).toEqual({ 'Retry-After': '5' });
    const unreadable = invalidResponseError('GET /x', 200, 'status: Invalid option', 'dbg');
    expect(unreadable.message).toBe('PayPal 200 on GET /x: PayPal sent a reply we could not read. (debug_id dbg)');
    for (const error of [timeoutError('GET /x', 1), network, circuitOpenError('GET /x', 1)]) {
      expect(error.status).toBeNull();
      expect(error.isOutage).toBe(error.kind !== 'circuit_open');
    }
  });

  it('is told apart from other errors', () => {
    expect(isPayPalError(new Error('x'))).toBe(false);
    expect(isPayPalError(new PayPalError({ kind: 'network', operation: 'GET /x', lead: 'x' }))).toBe(true);
  });
});
