import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { PayPalError } from '../errors';

// Tests only: a tiny HTTP server whose answers each test scripts, to provoke every PayPal status, a hang, a stalled
// body or a redirect, and to record exactly what reached it (raw body text included, for the verify splice).

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  rawBody: string;
  /** Parsed JSON, a form as an object, or undefined. */
  body: unknown;
}

export type Scripted =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string>; delayMs?: number }
  | 'hang' // never answer
  | 'stall' // send headers, never finish the body
  | ((request: SeenRequest) => Scripted);

export interface ScriptedServer {
  url: string;
  requests: SeenRequest[];
  /** Answers for `METHOD /path` in order; the last one repeats. */
  on(route: string, ...answers: Scripted[]): void;
  hits(route: string): number;
  /** The requests that reached `METHOD /path`. */
  seen(route: string): SeenRequest[];
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
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, headers: req.headers, rawBody, body: parseBody(rawBody, req.headers) };
      requests.push(seen);
      const queue = scripts.get(`${seen.method} ${seen.path}`);
      let answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
      while (typeof answer === 'function') answer = answer(seen);
      if (!answer) return reply(res, { status: 599, body: { name: 'UNSCRIPTED', message: `unscripted ${seen.method} ${seen.path}` } });
      if (answer === 'hang') return;
      if (answer === 'stall') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":');
        return;
      }
      const scripted = answer;
      if (scripted.delayMs) setTimeout(() => reply(res, scripted), scripted.delayMs);
      else reply(res, scripted);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const route = (r: SeenRequest) => `${r.method} ${r.path}`;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on(name, ...answers) {
      scripts.set(name, answers);
    },
    hits(name) {
      return requests.filter((r) => route(r) === name).length;
    },
    seen(name) {
      return requests.filter((r) => route(r) === name);
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

function parseBody(text: string, headers: IncomingHttpHeaders): unknown {
  if (!text) return undefined;
  if (headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function reply(res: ServerResponse, answer: { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }) {
  const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
  res.writeHead(answer.status, { ...(payload && answer.raw === undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers });
  res.end(payload);
}

/** The same reply, sent after a pause (e.g. to keep a token request in flight while others arrive). */
export function delayed(answer: Scripted, delayMs: number): Scripted {
  if (typeof answer !== 'object') throw new Error('only a scripted reply can be delayed');
  return { ...answer, delayMs };
}

/** Awaits a call that must fail with a PayPalError and returns it. */
export async function failure(promise: Promise<unknown>): Promise<PayPalError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call should have failed').toBeInstanceOf(PayPalError);
  return caught as PayPalError;
}
