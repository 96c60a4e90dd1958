import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * QUALITY C1: every state-changing request must come from our own pages. Browsers send `Origin` on every
 * POST/PUT/PATCH/DELETE and `Sec-Fetch-Site` on modern engines; a request with neither, or from another
 * site, is refused. Webhooks opt out with `config: { csrf: false }` and authenticate by secret instead.
 */
export function registerCsrfProtection(app: FastifyInstance, trustedOrigins: string[]): void {
  const trusted = new Set(trustedOrigins.map((origin) => new URL(origin).origin));
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.csrf === false) return;
    if (!isSameSite(request, trusted)) {
      throw new AppError('CSRF_REJECTED', 'This request was refused because it did not come from this site.');
    }
  });
}

function isSameSite(request: FastifyRequest, trusted: Set<string>): boolean {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    if (trusted.has(origin)) return true;
    // Same origin as the page that made the request: the Origin's scheme and host are the ones we were called on.
    try {
      const url = new URL(origin);
      return url.host === request.headers.host && url.protocol === `${request.protocol}:`;
    } catch {
      return false;
    }
  }
  return request.headers['sec-fetch-site'] === 'same-origin';
}
