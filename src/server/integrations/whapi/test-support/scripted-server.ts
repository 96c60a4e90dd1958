import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { WhapiError } from '../errors';

// Tests only: a tiny HTTP server whose answers each test scripts, to provoke every WHAPI status, a hang, a stalled
// body or a redirect, and to count how many attempts reached it.

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export type Scripted =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  | 'hang' // never answer
  | 'stall'; // send headers, never finish the body

export interface ScriptedServer {
  url: string;
  requests: SeenRequest[];
  /** Answers for `METHOD /path` in order; the last one repeats. */
  on(route: string, ...answers: Scripted[]): void;
  hits(route: string): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const scripts = new Map<string, Scripted[]>();
  const requests: SeenRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body });
      const queue = scripts.get(`${req.method} ${url.pathname}`);
      const answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
      if (!answer) return reply(res, { status: 599, body: { error: { code: 599, message: `unscripted ${req.method} ${url.pathname}` } } });
      if (answer === 'hang') return;
      if (answer === 'stall') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":');
        return;
      }
      reply(res, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on(route, ...answers) {
      scripts.set(route, answers);
    },
    hits(route) {
      return requests.filter((r) => `${r.method} ${r.path}` === route).length;
    },
    reset() {
      scripts.clear();
      requests.length = 0;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(res: ServerResponse, answer: { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }) {
  const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
  res.writeHead(answer.status, { ...(payload && answer.raw === undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers });
  res.end(payload);
}

/** WHAPI's error body (NOTES §8). */
export const whapiError = (status: number, message: string, headers?: Record<string, string>): Scripted => ({
  status,
  body: { error: { code: status, message } },
  ...(headers ? { headers } : {}),
});

/** Awaits a call that must fail with a WhapiError and returns it. */
export async function failure(promise: Promise<unknown>): Promise<WhapiError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call should have failed').toBeInstanceOf(WhapiError);
  return caught as WhapiError;
}

export const PARTNER_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.partner-secret-payload.signature-part-XYZ9';
export const CHANNEL_TOKEN = 'Q7fK2mZp9LrT4vWx8YbN3cHd6JsA1eGu';

/** A channel as the official sample shows it (times in milliseconds). */
export function wireChannelSample(overrides: Record<string, unknown> = {}) {
  return {
    id: 'MANTIS-PF298',
    token: CHANNEL_TOKEN,
    name: 'Shop front',
    projectId: 'AbCdEfGhIjKlMnOpQrSt',
    ownerId: 'AbCdEfGhIjKlMnOpQrStUvWxYz12',
    server: 6,
    apiUrl: 'https://gate.whapi.cloud/',
    creationTS: 1712598267389,
    activeTill: 1713116667389,
    trial: 1713030267389,
    stopped: false,
    status: 'active',
    mode: 'trial',
    ...overrides,
  };
}
