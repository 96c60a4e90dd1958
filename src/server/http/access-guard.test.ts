import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ALWAYS_PAGES, USER_PAGES, type Page } from '../../domain/pages';
import type { CurrentSubscription } from '../features/access/current-subscription';
import type { FindSession, SessionUser } from '../features/auth/find-session';
import { registerAccessGuard } from './access-guard';
import { registerErrorHandler } from './error-handler';

// The single guard, page by page: allowed, denied by the plan, denied by an override, expired, banned, admin.
const NOW = Date.now();
const allPages = Object.fromEntries(USER_PAGES.map((p) => [p, true]));

function subscription(overrides: Partial<CurrentSubscription> = {}): CurrentSubscription {
  return {
    id: 'sub',
    planId: 'plan',
    planName: 'Business',
    daysTotal: 30,
    status: 'active',
    serviceEndsAt: new Date(NOW + 10 * 86_400_000),
    plan: { limits: { daily: 10, bulk: 10, channels: 1, chatbots: 1 }, pageAccess: allPages, requestType: 'paid' },
    overrides: {},
    ...overrides,
  };
}

const person = (over: Partial<SessionUser>): SessionUser => ({
  id: 'u1',
  name: 'Test',
  email: 't@example.com',
  role: 'user',
  banned: false,
  createdAt: new Date(),
  subscription: subscription(),
  ...over,
});

async function appFor(user: SessionUser) {
  const app = Fastify();
  registerErrorHandler(app, { serveSpa: false });
  const findSession: FindSession = async () =>
    user.banned ? { kind: 'ended', reason: 'banned', setCookies: [] } : { kind: 'active', user, sessionId: 's1', setCookies: [] };
  registerAccessGuard(app, findSession);
  for (const page of [...USER_PAGES, ...ALWAYS_PAGES, 'admin.users'] as Page[]) {
    app.get(`/api/probe/${page}`, { config: { access: page } }, async () => ({ ok: true }));
  }
  await app.ready();
  return app;
}

async function statusOf(user: SessionUser, page: string): Promise<number> {
  const app = await appFor(user);
  const response = await app.inject({ method: 'GET', url: `/api/probe/${page}` });
  await app.close();
  return response.statusCode;
}

describe('the page guard', () => {
  it.each(USER_PAGES)('lets a user whose plan includes %s reach it', async (page) => {
    expect(await statusOf(person({}), page)).toBe(200);
  });

  it.each(USER_PAGES)('refuses %s with 403 when an override takes it away', async (page) => {
    const user = person({ subscription: subscription({ overrides: { pageAccess: { [page]: false } } }) });
    expect(await statusOf(user, page)).toBe(403);
  });

  it.each(USER_PAGES)('refuses %s when the plan does not include it', async (page) => {
    const user = person({
      subscription: subscription({ plan: { ...subscription().plan, pageAccess: { ...allPages, [page]: false } } }),
    });
    expect(await statusOf(user, page)).toBe(403);
  });

  it.each([...USER_PAGES, ...ALWAYS_PAGES])('keeps an expired user to pricing, payments and account (%s)', async (page) => {
    const user = person({ subscription: subscription({ serviceEndsAt: new Date(NOW - 1000) }) });
    expect(await statusOf(user, page)).toBe((ALWAYS_PAGES as readonly string[]).includes(page) ? 200 : 403);
  });

  it.each([...USER_PAGES, ...ALWAYS_PAGES, 'admin.users'])('refuses a banned user everywhere (%s)', async (page) => {
    expect(await statusOf(person({ banned: true }), page)).toBe(403);
  });

  it('refuses admin pages to users and opens every page to admins', async () => {
    expect(await statusOf(person({}), 'admin.users')).toBe(403);
    for (const page of [...USER_PAGES, 'admin.users']) expect(await statusOf(person({ role: 'admin', subscription: null }), page)).toBe(200);
  });

  it('refuses to register a route that declares no page', async () => {
    const app = Fastify();
    registerAccessGuard(app, async () => ({ kind: 'none' }));
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/must declare config.access/);
  });
});
