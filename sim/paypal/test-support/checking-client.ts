import { createExchangeLog, type ClientExchange } from '../../shared/test-support/exchange-log';
import { checkHttpResponse } from '../response-validator';
import type { SpecBundle } from '../spec-bundle';

/** A tiny HTTP client for the tests: it fetches and caches a bearer token like a real client, checks every response
 *  of the official operations against the documents, and keeps every exchange so a test can assert which operations
 *  were exercised. */
export interface Exchange extends ClientExchange {
  text: string;
}
export interface CallOptions {
  token?: string;
  basic?: { id: string; secret: string };
  body?: unknown;
  form?: Record<string, string>;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function createCheckingClient(baseUrl: string, bundle: SpecBundle, credentials: { clientId: string; clientSecret: string }) {
  const log = createExchangeLog<Exchange>(bundle.index, (request, sample) => checkHttpResponse(bundle, request, sample));
  let cachedToken: string | undefined;

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Exchange> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.basic) headers.authorization = `Basic ${Buffer.from(`${options.basic.id}:${options.basic.secret}`).toString('base64')}`;
    let payload = options.rawBody;
    if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (options.form) payload = new URLSearchParams(options.form).toString();
    if (payload !== undefined) headers['content-type'] ??= options.contentType ?? (options.form ? 'application/x-www-form-urlencoded' : 'application/json');
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      redirect: 'manual',
      signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const body = contentType.startsWith('application/json') && text ? JSON.parse(text) : text || undefined;
    const exchange = { method, path, status: response.status, contentType, headers: response.headers, body, text };
    log.record(exchange, text || undefined);
    return exchange;
  }

  async function token(): Promise<string> {
    if (!cachedToken) {
      const minted = await call('POST', '/v1/oauth2/token', {
        basic: { id: credentials.clientId, secret: credentials.clientSecret },
        form: { grant_type: 'client_credentials' },
      });
      cachedToken = minted.body.access_token as string;
    }
    return cachedToken;
  }

  return {
    call,
    exchanges: log.exchanges,
    problems: log.problems,
    token,
    forgetToken: () => void (cachedToken = undefined),
    /** an authenticated REST call with a JSON body */
    api: async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(method, path, { token: await token(), body, headers }),
    control: (method: string, path: string, body?: unknown) => call(method, path, { body }),
    /** operation keys (`POST /v1/billing/subscriptions`) that answered with the given status class */
    operationsAnswered: log.operationsAnswered,
  };
}
export type CheckingClient = ReturnType<typeof createCheckingClient>;
