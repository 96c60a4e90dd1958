import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canUsePage } from '../../domain/access';
import { isAdminPage, type Page } from '../../domain/pages';
import { MESSAGES } from '../../contracts/errors';
import { AppError } from '../app-error';
import type { FindSession, SessionUser } from '../features/auth/find-session';
import { fetchHeaders, forwardCookies } from './request-context';

/** Every route says who may call it: `'public'` or the page it belongs to (DOMAIN.md "Pages"). */
export type RouteAccess = 'public' | Page;

export interface RequestAuth {
  user: SessionUser;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    csrf?: boolean;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

/**
 * The single guard: a route without an `access` declaration cannot even be registered, and every request to a
 * non-public route is checked for a live session, a non-banned owner and effective access to the route's page.
 */
export function registerAccessGuard(app: FastifyInstance, findSession: FindSession): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined && !route.url.startsWith('/api/docs') && route.url.startsWith('/api')) {
      throw new Error(`route ${route.method} ${route.url} must declare config.access`);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const lookup = await findSession(request.headers.cookie, () => fetchHeaders(request));
    if (lookup.kind === 'none') throw new AppError('UNAUTHENTICATED', MESSAGES.signInRequired);
    if (lookup.kind === 'ended') {
      throw lookup.reason === 'banned'
        ? new AppError('ACCOUNT_SUSPENDED', MESSAGES.accountSuspended, { headers: { 'set-cookie': lookup.setCookies } })
        : new AppError('UNAUTHENTICATED', MESSAGES.signInRequired, { headers: { 'set-cookie': lookup.setCookies } });
    }
    forwardCookies(reply, lookup.setCookies);
    request.auth = { user: lookup.user, sessionId: lookup.sessionId };
    requirePage(request, access);
  });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.auth) throw new AppError('UNAUTHENTICATED', MESSAGES.signInRequired);
  return request.auth.user;
}

export function requireAdmin(request: FastifyRequest): SessionUser {
  const user = requireUser(request);
  if (user.role !== 'admin') throw new AppError('FORBIDDEN', 'This page is for administrators only.');
  return user;
}

export function requirePage(request: FastifyRequest, page: Page): SessionUser {
  const user = isAdminPage(page) ? requireAdmin(request) : requireUser(request);
  if (!canUsePage(user, page)) throw new AppError('PAGE_FORBIDDEN', 'Your plan does not include this page.');
  return user;
}
