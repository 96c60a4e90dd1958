// DOMAIN.md "Days" §3: the user's service clock is a timestamp; days remaining round up, so a user with an hour
// left still has "1 day" and is not expired.
export const DAY_MS = 24 * 60 * 60 * 1000;

export function daysRemaining(serviceEndsAt: Date | null, now: Date): number {
  if (!serviceEndsAt) return 0;
  return Math.max(0, Math.ceil((serviceEndsAt.getTime() - now.getTime()) / DAY_MS));
}

/** Crediting N days: `service_ends_at = max(now, service_ends_at) + N×24h`. */
export function creditDays(serviceEndsAt: Date | null, days: number, now: Date): Date {
  const from = serviceEndsAt && serviceEndsAt > now ? serviceEndsAt : now;
  return new Date(from.getTime() + days * DAY_MS);
}
