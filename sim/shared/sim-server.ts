import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';

/** What both simulators share around their Fastify app: the body parsers, the log of answers that broke the
 *  official spec, and listening on a port. What an error reads like stays with each simulator. */

export interface SpecViolation {
  at: number;
  where: string;
  problems: string[];
}

const VIOLATION_LOG_LIMIT = 200;

/** Warns on the console and keeps the last 200 violations (kept across resets; they should stay empty). */
export function createViolationRecorder(label: string, now: () => number, violations: SpecViolation[]) {
  return (where: string, problems: string[]): void => {
    console.warn(`[${label}] does not match the official spec: ${where}: ${problems.join('; ')}`);
    violations.push({ at: now(), where, problems });
    if (violations.length > VIOLATION_LOG_LIMIT) violations.shift();
  };
}

/** JSON for the API (an empty body is no body), forms where the simulator asks for them, raw bytes for anything else:
 *  the dispatcher answers 415 where an operation wants JSON. `malformedJson` is the simulator's own 400. */
export function registerBodyParsers(app: FastifyInstance, options: { malformedJson: () => Error; forms?: boolean }): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const source = String(text);
    if (!source.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(source));
    } catch {
      done(options.malformedJson(), undefined);
    }
  });
  if (options.forms) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, text, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(text))));
    });
  }
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/** Listens (port 0 = any free port) and returns the base URL, `http://127.0.0.1:<port>` (IPv6 hosts bracketed). */
export async function listenForSim(app: FastifyInstance, options: { host?: string; port?: number }): Promise<string> {
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const { port } = app.server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
