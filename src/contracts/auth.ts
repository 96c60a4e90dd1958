import { z } from 'zod';
import { ADMIN_PAGES, ALWAYS_PAGES, USER_PAGES } from '../domain/pages';
import { ROLES } from '../domain/access';
import { isoDate } from './common';
import { limitsSchema } from './plans';

export const email = z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' })).pipe(z.string().max(254));
export const password = z
  .string()
  .min(8, { error: 'Use at least 8 characters.' })
  .max(128, { error: 'Use at most 128 characters.' });
export const personName = z
  .string()
  .trim()
  .min(1, { error: 'Enter your name.' })
  .max(100, { error: 'Use at most 100 characters.' });

export const signUpBody = z.strictObject({ name: personName, email, password });
export const signInBody = z.strictObject({ email, password: z.string().min(1, { error: 'Enter your password.' }).max(128) });

export const pageName = z.enum([...USER_PAGES, ...ALWAYS_PAGES, ...ADMIN_PAGES]);
export const role = z.enum(ROLES);
export const accountStatus = z.enum(['active', 'banned']);

export const meUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  status: accountStatus,
  createdAt: isoDate,
});
export type MeUser = z.infer<typeof meUser>;

/** The service the person is on (DOMAIN.md "Subscriptions"): state none = no paid plan yet. */
export const meSubscription = z.object({
  planId: z.string(),
  planName: z.string(),
  status: z.enum(['pending', 'active', 'expired', 'canceled']),
  state: z.enum(['none', 'active', 'expired']),
  serviceEndsAt: isoDate.nullable(),
  daysRemaining: z.number().int(),
});
export type MeSubscription = z.infer<typeof meSubscription>;

export const meBody = z.object({
  user: meUser,
  pages: z.array(pageName),
  subscription: meSubscription.nullable(),
  /** Effective limits: overrides over the plan; -1 is unlimited. */
  limits: limitsSchema,
});
export type Me = z.infer<typeof meBody>;

export const updateMeBody = z.strictObject({ name: personName });
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, { error: 'Enter your current password.' }).max(128),
  newPassword: password,
});

// Server-sent events for the signed-in person (GET /api/events).
export const REALTIME_EVENTS = ['account.suspended', 'session.revoked', 'access.changed', 'notification.created', 'channel.updated', 'ping'] as const;
export type RealtimeEvent = (typeof REALTIME_EVENTS)[number];
