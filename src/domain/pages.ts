// DOMAIN.md "Pages": user pages can be switched per plan and per user; three are always available to a
// signed-in user; admin pages are never granted to a User, whatever a plan says.
export const USER_PAGES = [
  'dashboard',
  'channels',
  'send',
  'bulk',
  'templates',
  'workflows',
  'chatbot',
  'outbox',
  'logs',
  'balances',
] as const;
export type UserPage = (typeof USER_PAGES)[number];

export const ALWAYS_PAGES = ['pricing', 'payments', 'account'] as const;
export type AlwaysPage = (typeof ALWAYS_PAGES)[number];

export const ADMIN_PAGES = [
  'admin.dashboard',
  'admin.plans',
  'admin.users',
  'admin.payments',
  'admin.channels',
  'admin.balances',
  'admin.whapi',
  'admin.settings',
  'admin.leads',
  'admin.audit',
] as const;
export type AdminPage = (typeof ADMIN_PAGES)[number];

export type Page = UserPage | AlwaysPage | AdminPage;
export const ALL_PAGES: readonly Page[] = [...USER_PAGES, ...ALWAYS_PAGES, ...ADMIN_PAGES];

export function isAdminPage(page: Page): page is AdminPage {
  return page.startsWith('admin.');
}
