import type { QueryClient } from '@tanstack/react-query';
import type { RegisteredRouter } from '@tanstack/react-router';
import { meQueryKey } from './me-query';

export type SessionEndReason = 'suspended' | 'session-ended';

/**
 * Called when the server tells us the session is over (ban, revocation, expiry). Nothing of the previous
 * account may stay on screen or in memory, so the cache is dropped before the sign-in page appears.
 */
export function endSession(router: RegisteredRouter, queryClient: QueryClient, reason: SessionEndReason): void {
  const { pathname, href } = router.state.location;
  if (pathname === '/sign-in') return;
  void queryClient.cancelQueries();
  queryClient.clear();
  // The server has already ended the session; saying so here spares the sign-in page a round trip.
  queryClient.setQueryData(meQueryKey, null);
  void router.navigate({
    to: '/sign-in',
    search: { reason, redirect: reason === 'session-ended' ? href : undefined },
    replace: true,
  });
}
