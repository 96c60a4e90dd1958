import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';

// Tests only: a tiny HTTP server whose answers each test scripts, to provoke every status of an outside service
// (WHAPI, PayPal), a hang, a stalled body or a redirect, and to record exactly what reached it (raw body text
// included, for PayPal's verify splice). What an unscripted request is answered with is the service's own error.

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  rawBody: string;
  /** Parsed JSON, a form as an object, the text when it is neither, or undefined when empty. */
  body: unknown;
}

export interface ScriptedReply {
  status: number;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

export type Scripted =
  | ScriptedReply
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

export interface ScriptedServerOptions {
  /** The service's error body for a request no test scripted (answered with status 599). */
  unscriptedBody(request: SeenRequest): unknown;
}

export async function startScriptedServer(options: ScriptedServerOptions): Promise<ScriptedServer> {
  const scripts = new Map<string, Scripted[]>();
  const requests: SeenRequest[] = [];
  const route = (r: SeenRequest) => `${r.method} ${r.path}`;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body: parseBody(rawBody, req.headers),
      };
      requests.push(seen);
      const queue = scripts.get(route(seen));
      let answer = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
      while (typeof answer === 'function') answer = answer(seen);
      if (!answer) return reply(res, { status: 599, body: options.unscriptedBody(seen) });
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

function reply(res: ServerResponse, answer: ScriptedReply) {
  const payload = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
  res.writeHead(answer.status, { ...(payload && answer.raw === undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers });
  res.end(payload);
}

/** The same reply, sent after a pause (e.g. to keep a token request in flight while others arrive). */
export function delayed(answer: Scripted, delayMs: number): Scripted {
  if (typeof answer !== 'object') throw new Error('only a scripted reply can be delayed');
  return { ...answer, delayMs };
}

/** Awaits a call that must fail with an error of this type (the adapter's own) and returns it. */
export async function expectFailure<E>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call should have failed').toBeInstanceOf(type);
  return caught as E;
}
