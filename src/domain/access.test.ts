import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canUsePage, effectiveLimits, effectivePages, effectiveRequestType, withinLimit, type SubscriptionAccess } from './access';
import { ADMIN_PAGES, ALL_PAGES, ALWAYS_PAGES, USER_PAGES, isAdminPage } from './pages';
import { LIMIT_KEYS, REQUEST_TYPES, type Limits } from './plans';

const NOW = new Date('2026-11-21T12:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000);

const limitValue = fc.integer({ min: -1, max: 10_000 });
const limitsArb = fc.record({ daily: limitValue, bulk: limitValue, channels: limitValue, chatbots: limitValue });
const pageAccessArb = fc.record(Object.fromEntries(USER_PAGES.map((p) => [p, fc.boolean()])) as Record<string, fc.Arbitrary<boolean>>);
const partialPagesArb = fc.dictionary(fc.constantFrom(...USER_PAGES), fc.boolean());
const partialLimitsArb = fc.dictionary(fc.constantFrom(...LIMIT_KEYS), limitValue);
const subscriptionArb = fc.record({
  status: fc.constant('active' as const),
  serviceEndsAt: fc.integer({ min: 1, max: 400 }).map(inDays),
  plan: fc.record({ limits: limitsArb, pageAccess: pageAccessArb, requestType: fc.constantFrom(...REQUEST_TYPES) }),
  overrides: fc.record(
    { limits: partialLimitsArb, pageAccess: partialPagesArb, requestType: fc.constantFrom(...REQUEST_TYPES) },
    { requiredKeys: [] },
  ),
}) as fc.Arbitrary<SubscriptionAccess>;

describe('effectivePages', () => {
  it('gives a user without a plan the dashboard, pricing, payments and account', () => {
    expect(effectivePages({ role: 'user', banned: false }, NOW).sort()).toEqual(['account', 'dashboard', 'payments', 'pricing'].sort());
  });

  it('gives an admin every user page and every admin page', () => {
    const pages = effectivePages({ role: 'admin', banned: false }, NOW);
    for (const page of [...USER_PAGES, ...ADMIN_PAGES]) expect(pages).toContain(page);
  });

  it('never grants an admin page to a user, whatever the plan and overrides', () => {
    fc.assert(
      fc.property(subscriptionArb, (subscription) => {
        expect(effectivePages({ role: 'user', banned: false, subscription }, NOW).filter(isAdminPage)).toEqual([]);
      }),
    );
  });

  it('gives nothing to a banned person, whatever the role or plan', () => {
    fc.assert(
      fc.property(fc.constantFrom('admin' as const, 'user' as const), subscriptionArb, fc.constantFrom(...ALL_PAGES), (role, subscription, page) => {
        expect(canUsePage({ role, banned: true, subscription }, page, NOW)).toBe(false);
      }),
    );
  });

  it('leaves an expired user only pricing, payments and account', () => {
    fc.assert(
      fc.property(subscriptionArb, fc.integer({ min: 0, max: 400 }), (subscription, daysAgo) => {
        const expired = { ...subscription, serviceEndsAt: inDays(-daysAgo) };
        expect(effectivePages({ role: 'user', banned: false, subscription: expired }, NOW).sort()).toEqual([...ALWAYS_PAGES].sort());
      }),
    );
  });

  it('uses the override for a page when set, else the plan — an explicit false takes a page away', () => {
    fc.assert(
      fc.property(subscriptionArb, (subscription) => {
        const pages = effectivePages({ role: 'user', banned: false, subscription }, NOW);
        for (const page of USER_PAGES) {
          const expected = subscription.overrides.pageAccess?.[page] ?? subscription.plan.pageAccess[page] ?? false;
          expect(pages.includes(page)).toBe(expected);
        }
        for (const page of ALWAYS_PAGES) expect(pages).toContain(page);
      }),
    );
  });
});

describe('effectiveLimits', () => {
  it('takes each override when set, else the plan value, and never changes the plan', () => {
    fc.assert(
      fc.property(subscriptionArb, (subscription) => {
        const planBefore = structuredClone(subscription.plan);
        const limits = effectiveLimits(subscription);
        for (const key of LIMIT_KEYS) {
          expect(limits[key]).toBe(subscription.overrides.limits?.[key] ?? subscription.plan.limits[key]);
        }
        expect(subscription.plan).toEqual(planBefore);
      }),
    );
  });

  it('allows nothing without a plan', () => {
    expect(effectiveLimits(null)).toEqual({ daily: 0, bulk: 0, channels: 0, chatbots: 0 } satisfies Limits);
  });

  it('treats -1 as unlimited and otherwise allows strictly fewer uses than the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 6 }), (used) => {
        expect(withinLimit(-1, used)).toBe(true);
      }),
    );
    expect(withinLimit(1, 0)).toBe(true);
    expect(withinLimit(1, 1)).toBe(false);
    expect(withinLimit(0, 0)).toBe(false);
  });
});

describe('effectiveRequestType', () => {
  it('lets a per-user override change the call to action', () => {
    fc.assert(
      fc.property(subscriptionArb, fc.constantFrom(...REQUEST_TYPES), (subscription, planType) => {
        expect(effectiveRequestType(subscription, planType)).toBe(subscription.overrides.requestType ?? planType);
      }),
    );
  });
});
