import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import type { Me } from '../../contracts/auth';
import type { Page } from '../../domain/pages';
import { isApiError } from './api-client';
import { meQueryOptions } from './me-query';
import { homePath } from './navigation';

// These guards are convenience only: they keep people away from screens they cannot use. The server
// checks every request again and is the real guard (DOMAIN.md "Subscriptions and effective access").

async function loadMe(queryClient: QueryClient): Promise<Me | null> {
  try {
    return await queryClient.ensureQueryData(meQueryOptions);
  } catch (error) {
    if (isApiError(error, 'ACCOUNT_SUSPENDED')) {
      queryClient.clear();
      throw redirect({ to: '/sign-in', search: { reason: 'suspended' }, replace: true });
    }
    throw error;
  }
}

export async function requireSession(queryClient: QueryClient, currentHref: string): Promise<Me> {
  const me = await loadMe(queryClient);
  if (!me) throw redirect({ to: '/sign-in', search: { redirect: currentHref }, replace: true });
  return me;
}

export async function redirectIfSignedIn(queryClient: QueryClient, target: string | undefined): Promise<void> {
  const me = await loadMe(queryClient);
  if (!me) return;
  if (target) throw redirect({ href: target, replace: true });
  throw redirect({ to: homePath(me), replace: true });
}

/** `preload` is true while the router warms a route on hover: redirect quietly then, without a message. */
export function requirePage(me: Me, page: Page, preload = false): void {
  if (me.pages.includes(page)) return;
  denyAccess(me, preload);
}

export function requireAdmin(me: Me, preload = false): void {
  if (me.user.role === 'admin') return;
  denyAccess(me, preload);
}

function denyAccess(me: Me, preload: boolean): never {
  if (!preload) notifications.show({ id: 'access-denied', color: 'red', title: 'Access denied', message: "You don't have access to that page." });
  throw redirect({ to: homePath(me), replace: true });
}
