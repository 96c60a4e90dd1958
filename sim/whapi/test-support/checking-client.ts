import { createExchangeLog, type ClientExchange } from '../../shared/test-support/exchange-log';
import { checkHttpResponse } from '../response-validator';
import type { SpecBundle } from '../spec-bundle';

/** A tiny HTTP client for the tests: every API response it sees is checked against the official documents, and
 *  every exchange is kept so a test can assert which operations were exercised. */
export interface Exchange extends ClientExchange {
  raw: Buffer;
}
export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  timeoutMs?: number;
}

export function createCheckingClient(baseUrl: string, bundle: SpecBundle, partnerToken: string) {
  const log = createExchangeLog<Exchange>(bundle.index, (request, sample) => checkHttpResponse(bundle, request, sample));

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    });
    const raw = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    const body = contentType.startsWith('application/json') && raw.length ? JSON.parse(raw.toString()) : raw.length ? raw : undefined;
    const exchange = { method, path, status: response.status, contentType, headers: response.headers, body, raw };
    log.record(exchange, body);
    return exchange;
  }

  return {
    call,
    exchanges: log.exchanges,
    problems: log.problems,
    partner: (method: string, path: string, body?: unknown) => call(method, path, { token: partnerToken, body }),
    gate: (token: string, method: string, path: string, body?: unknown) => call(method, path, { token, body }),
    control: (method: string, path: string, body?: unknown) => call(method, path, { body }),
    /** operation keys (`PUT /channels`) that answered with the given status class */
    operationsAnswered: log.operationsAnswered,
  };
}
export type CheckingClient = ReturnType<typeof createCheckingClient>;
