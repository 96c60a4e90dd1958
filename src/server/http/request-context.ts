import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../features/audit/record-audit';

/** The request's headers as a Fetch `Headers`, which better-auth reads. */
export function fetchHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return headers;
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.auth?.user.id ?? null, ip: request.ip };
}

export function forwardCookies(reply: FastifyReply, setCookies: string[]): void {
  if (setCookies.length > 0) reply.header('set-cookie', setCookies);
}
