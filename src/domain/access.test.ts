import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canUsePage, effectivePages } from './access';
import { ADMIN_PAGES, ALL_PAGES, USER_PAGES, isAdminPage } from './pages';

describe('effectivePages', () => {
  it('gives a user without a plan the dashboard, pricing, payments and account', () => {
    expect(effectivePages({ role: 'user', banned: false }).sort()).toEqual(
      ['account', 'dashboard', 'payments', 'pricing'].sort(),
    );
  });

  it('gives an admin every user page and every admin page', () => {
    const pages = effectivePages({ role: 'admin', banned: false });
    for (const page of [...USER_PAGES, ...ADMIN_PAGES]) expect(pages).toContain(page);
  });

  it('never grants an admin page to a user', () => {
    const pages = effectivePages({ role: 'user', banned: false });
    expect(pages.filter(isAdminPage)).toEqual([]);
  });

  it('gives nothing to a banned person, whatever the role', () => {
    fc.assert(
      fc.property(fc.constantFrom('admin' as const, 'user' as const), fc.constantFrom(...ALL_PAGES), (role, page) => {
        expect(canUsePage({ role, banned: true }, page)).toBe(false);
      }),
    );
  });
});
