import { ADMIN_PAGES, ALWAYS_PAGES, USER_PAGES, type Page, type UserPage } from './pages';
import { LIMIT_KEYS, type Limits, type PageAccess, type RequestType } from './plans';
import { daysRemaining } from './service-days';

export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];

export type AccountStatus = 'active' | 'banned';

/** What a current subscription contributes to access: its plan and the per-user overrides (spec 004 §3). */
export interface SubscriptionAccess {
  status: 'pending' | 'active' | 'expired' | 'canceled';
  serviceEndsAt: Date | null;
  plan: { limits: Limits; pageAccess: Partial<PageAccess>; requestType: RequestType };
  overrides: { limits?: Partial<Limits>; pageAccess?: Partial<PageAccess>; requestType?: RequestType };
}

export interface AccessSubject {
  role: Role;
  banned: boolean;
  subscription?: SubscriptionAccess | null;
}

// A user without a paid plan: the dashboard (which points to Pricing) and the always-available pages.
export const PAGES_WITHOUT_PLAN: readonly UserPage[] = ['dashboard'];

export type ServiceState = 'none' | 'active' | 'expired';

/** none = never activated (or only pending); expired = service days ≤ 0 (DOMAIN.md "Subscriptions"). */
export function serviceState(subscription: SubscriptionAccess | null | undefined, now: Date): ServiceState {
  if (!subscription || subscription.status === 'pending' || !subscription.serviceEndsAt) return 'none';
  return daysRemaining(subscription.serviceEndsAt, now) > 0 && subscription.status !== 'canceled' ? 'active' : 'expired';
}

/** For each limit, the override if set, else the plan's value; -1 is unlimited. No plan → nothing allowed. */
export function effectiveLimits(subscription: SubscriptionAccess | null | undefined): Limits {
  const limits = {} as Limits;
  for (const key of LIMIT_KEYS) {
    limits[key] = subscription?.overrides.limits?.[key] ?? subscription?.plan.limits[key] ?? 0;
  }
  return limits;
}

/**
 * The pages a person may open. Banned supersedes everything (spec 004 §6); admins have every page; expired users
 * keep only pricing, payments and account; otherwise each user page is the override if set, else the plan's.
 */
export function effectivePages(subject: AccessSubject, now: Date = new Date()): Page[] {
  if (subject.banned) return [];
  if (subject.role === 'admin') return [...USER_PAGES, ...ALWAYS_PAGES, ...ADMIN_PAGES];
  const state = serviceState(subject.subscription, now);
  if (state === 'expired') return [...ALWAYS_PAGES];
  if (state === 'none' || !subject.subscription) return [...PAGES_WITHOUT_PLAN, ...ALWAYS_PAGES];
  const { plan, overrides } = subject.subscription;
  const granted = USER_PAGES.filter((page) => overrides.pageAccess?.[page] ?? plan.pageAccess[page] ?? false);
  return [...granted, ...ALWAYS_PAGES];
}

export function canUsePage(subject: AccessSubject, page: Page, now: Date = new Date()): boolean {
  return effectivePages(subject, now).includes(page);
}

/** The call to action a user sees for a plan: their own request-type override wins (spec 004 §3). */
export function effectiveRequestType(
  subscription: { overrides: { requestType?: RequestType } } | null | undefined,
  planRequestType: RequestType,
): RequestType {
  return subscription?.overrides.requestType ?? planRequestType;
}

/** Whether one more use fits: used < limit, or the limit is unlimited. */
export function withinLimit(limit: number, used: number): boolean {
  return limit === -1 || used < limit;
}

export function accountStatus(subject: AccessSubject): AccountStatus {
  return subject.banned ? 'banned' : 'active';
}
