import { describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { errorFromResponse, type ResponseErrorContext, WhapiError } from './errors';

const TOKEN = 'Q7fK2mZp9LrT4vWx8YbN3cHd6JsA1eGu';

function map(status: number, message: string | null, extra: Partial<ResponseErrorContext> = {}) {
  const json = message === null ? null : { error: { code: status, message } };
  return errorFromResponse({
    api: 'partner',
    operation: 'GET /x',
    status,
    bodyText: json ? JSON.stringify(json) : '',
    json,
    retryAfterMs: null,
    secrets: [TOKEN],
    ...extra,
  });
}

describe('status → AppError', () => {
  it.each([
    [400, 'partner', 'UPSTREAM_REJECTED', 'rejected', 'WHAPI rejected the request'],
    [401, 'partner', 'UPSTREAM_REJECTED', 'token', 'WHAPI rejected the partner token'],
    [401, 'gate', 'UPSTREAM_REJECTED', 'token', 'WHAPI rejected the channel token'],
    [403, 'partner', 'UPSTREAM_REJECTED', 'forbidden', 'WHAPI refused this request'],
    [404, 'partner', 'NOT_FOUND', 'not_found', 'WHAPI could not find'],
    [404, 'gate', 'UPSTREAM_REJECTED', 'token', 'WHAPI rejected the channel token'],
    [409, 'gate', 'CONFLICT', 'conflict', 'WHAPI reported a conflict'],
    [402, 'gate', 'RATE_LIMITED', 'limit', 'The WHAPI plan limit was reached'],
    [429, 'partner', 'RATE_LIMITED', 'limit', 'WHAPI asked us to slow down'],
    [500, 'partner', 'UPSTREAM_UNAVAILABLE', 'unavailable', 'WHAPI is unavailable'],
    [503, 'gate', 'UPSTREAM_UNAVAILABLE', 'unavailable', 'WHAPI is unavailable'],
  ] as const)('%i from %s → %s (%s)', (status, api, code, kind, lead) => {
    const error = map(status, 'Some WHAPI text', { api });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(WhapiError);
    expect(error.code).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.upstreamStatus).toBe(status);
    expect(error.upstreamMessage).toBe('Some WHAPI text');
    expect(error.message).toContain(lead);
    expect(error.message).toContain(`WHAPI ${status}: Some WHAPI text`);
  });

  it('treats Gate 404 "Channel not found" as a token problem even where 404 means "not found"', () => {
    const error = map(404, 'Channel not found', { api: 'gate', statusKinds: { 404: 'not_found' } });
    expect(error.kind).toBe('token');
    const message = map(404, 'Specified message not found', { api: 'gate', statusKinds: { 404: 'not_found' }, what: 'the message' });
    expect(message.kind).toBe('not_found');
    expect(message.message).toBe('WHAPI could not find the message (WHAPI 404: Specified message not found).');
  });

  it('lets a call say what a status means there (Gate send 401 = not linked)', () => {
    const error = map(401, 'Need channel authorization for send message', { api: 'gate', statusKinds: { 401: 'not_linked' } });
    expect(error.kind).toBe('not_linked');
    expect(error.message).toContain('not linked');
    expect(error.message).toContain('Need channel authorization for send message');
  });

  it('joins message and details, and carries WHAPI error.code', () => {
    const json = { error: { code: 4011, message: 'Bad', details: 'days must be positive' } };
    const error = map(400, null, { json, bodyText: JSON.stringify(json) });
    expect(error.upstreamMessage).toBe('Bad: days must be positive');
    expect(error.upstreamCode).toBe(4011);
  });

  it('has a clear message without WHAPI text, and ignores HTML error pages', () => {
    expect(map(502, null).message).toBe('WHAPI is unavailable (WHAPI 502).');
    const html = map(502, null, { json: undefined, bodyText: '<html><body>Bad gateway</body></html>' });
    expect(html.upstreamMessage).toBeNull();
    const plain = map(503, null, { json: undefined, bodyText: 'upstream connect error' });
    expect(plain.upstreamMessage).toBe('upstream connect error');
  });

  it('puts Retry-After on limits and outages only', () => {
    const limited = map(429, 'Too many requests', { retryAfterMs: 2500 });
    expect(limited.retryAfterMs).toBe(2500);
    expect(limited.options.headers).toEqual({ 'Retry-After': '3' });
    expect(map(400, 'x', { retryAfterMs: 2500 }).options.headers).toBeUndefined();
  });

  it('never repeats the token WHAPI echoes back (K2)', () => {
    const error = map(401, `Invalid token ${TOKEN} for Bearer ${TOKEN}`, { api: 'gate' });
    expect(error.message).not.toContain(TOKEN);
    expect(error.upstreamMessage).not.toContain(TOKEN);
    expect(error.message).toContain(`…${TOKEN.slice(-4)}`);
  });
});
