import { ADMIN_PAGES, ALWAYS_PAGES, USER_PAGES, type Page, type UserPage } from './pages';

export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

export type AccountStatus = 'active' | 'banned';

export interface AccessSubject {
  role: Role;
  banned: boolean;
}

// Until plans exist (issue 4), a user without a plan gets the dashboard and the always-available pages.
export const PAGES_WITHOUT_PLAN: readonly UserPage[] = ['dashboard'];

/**
 * The pages a person may open. Banned supersedes everything (spec 004 §6); admins have every page,
 * users never get an admin page.
 */
export function effectivePages(subject: AccessSubject): Page[] {
  if (subject.banned) return [];
  if (subject.role === 'admin') return [...USER_PAGES, ...ALWAYS_PAGES, ...ADMIN_PAGES];
  return [...PAGES_WITHOUT_PLAN, ...ALWAYS_PAGES];
}

export function canUsePage(subject: AccessSubject, page: Page): boolean {
  return effectivePages(subject).includes(page);
}

export function accountStatus(subject: AccessSubject): AccountStatus {
  return subject.banned ? 'banned' : 'active';
}
