import { z } from 'zod';
import { USER_PAGES } from '../domain/pages';
import { BILLING_PERIODS, LIMIT_KEYS, PLAN_STATUSES, REQUEST_TYPES } from '../domain/plans';
import { accountStatus, email, pageName, role } from './auth';
import { isoDate, paged, pageQuery } from './common';
import { limitsSchema, pageAccessSchema } from './plans';

export const userIdParams = z.object({ id: z.string().min(1).max(64) });
export const banBody = z.strictObject({ reason: z.string().trim().max(1000).optional() });
export const unbanBody = z.strictObject({}).nullish();
export const setRoleBody = z.strictObject({ role });

export const adminUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role,
  status: accountStatus,
  banReason: z.string().nullable(),
  createdAt: isoDate,
});
export type AdminUser = z.infer<typeof adminUser>;
export const adminUserBody = z.object({ user: adminUser });

const limitOverride = z.number().int().min(-1, { error: 'Use -1 for unlimited.' }).max(10_000_000).nullable();
/** Per-user overrides (spec 004 §3). A null value resets that item to the plan; absent keys stay as they are. */
export const overridesBody = z.strictObject({
  limits: z
    .strictObject({ daily: limitOverride, bulk: limitOverride, channels: limitOverride, chatbots: limitOverride })
    .partial()
    .optional(),
  pageAccess: z.partialRecord(z.enum(USER_PAGES), z.boolean().nullable()).optional(),
  requestType: z.enum(REQUEST_TYPES).nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
});
export type OverridesInput = z.infer<typeof overridesBody>;

export const overridesView = z.object({
  limits: z.partialRecord(z.enum(LIMIT_KEYS), z.number().int()),
  pageAccess: z.partialRecord(z.enum(USER_PAGES), z.boolean()),
  requestType: z.enum(REQUEST_TYPES).nullable(),
  notes: z.string().nullable(),
});
export type OverridesView = z.infer<typeof overridesView>;
export const overridesResponse = z.object({ overrides: overridesView });

// Admin → Users list (spec 004 §3). The status a row shows: Banned supersedes everything; otherwise the service
// clock decides (DOMAIN.md "Days" §3); `no_plan` = never activated.
export const USER_STATUSES = ['active', 'expired', 'banned', 'no_plan'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
export const USER_SORTS = ['createdAt', 'name', 'email', 'plan', 'channels', 'daysRemaining'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const adminUsersQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(USER_STATUSES).optional(),
  planId: z.string().trim().min(1).max(64).optional(),
  sort: z.enum(USER_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type AdminUsersQuery = z.infer<typeof adminUsersQuery>;

export const adminUserRow = adminUser.extend({
  userStatus: z.enum(USER_STATUSES),
  plan: z
    .object({
      id: z.string(),
      name: z.string(),
      /** The plan's own request type and the one this user sees (their override wins). */
      requestType: z.enum(REQUEST_TYPES),
      effectiveRequestType: z.enum(REQUEST_TYPES),
    })
    .nullable(),
  channelsUsed: z.number().int(),
  /** Effective `channels` limit; -1 = unlimited. */
  channelsAllowed: z.number().int(),
  daysRemaining: z.number().int(),
  serviceEndsAt: isoDate.nullable(),
});
export type AdminUserRow = z.infer<typeof adminUserRow>;
export const adminUsersPage = paged(adminUserRow);
export type AdminUsersPage = z.infer<typeof adminUsersPage>;

export const SUBSCRIPTION_STATUSES = ['pending', 'active', 'expired', 'canceled'] as const;
export const PAYMENT_METHODS = ['paypal', 'offline', 'admin'] as const;

/** One user in full for Admin → Users → details: the plan, the overrides and what they add up to. */
export const adminUserDetails = z.object({
  user: adminUserRow,
  subscription: z
    .object({
      id: z.string(),
      status: z.enum(SUBSCRIPTION_STATUSES),
      paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
      serviceEndsAt: isoDate.nullable(),
      daysTotal: z.number().int(),
      createdAt: isoDate,
    })
    .nullable(),
  plan: z
    .object({
      id: z.string(),
      name: z.string(),
      status: z.enum(PLAN_STATUSES),
      requestType: z.enum(REQUEST_TYPES),
      billingPeriod: z.enum(BILLING_PERIODS),
      limits: limitsSchema,
      pageAccess: pageAccessSchema,
    })
    .nullable(),
  overrides: overridesView,
  /** Plan ⊕ overrides, as the guards compute them (src/domain/access.ts). */
  effective: z.object({ limits: limitsSchema, pages: z.array(pageName), requestType: z.enum(REQUEST_TYPES).nullable() }),
});
export type AdminUserDetails = z.infer<typeof adminUserDetails>;

// +Days / −Days on the user's service clock (DOMAIN.md "Days" §3), always with a reason for the ledger and audit.
export const ADJUST_DAYS_MAX = 3650;
export const adjustDaysBody = z.strictObject({
  delta: z
    .number({ error: 'Enter a number of days.' })
    .int({ error: 'Enter a whole number of days.' })
    .min(-ADJUST_DAYS_MAX, { error: `Use at most ${ADJUST_DAYS_MAX} days.` })
    .max(ADJUST_DAYS_MAX, { error: `Use at most ${ADJUST_DAYS_MAX} days.` })
    .refine((days) => days !== 0, { error: 'Enter a number of days other than 0.' }),
  reason: z.string().trim().min(1, { error: 'Enter a reason.' }).max(500, { error: 'Use at most 500 characters.' }),
});
export type AdjustDaysBody = z.infer<typeof adjustDaysBody>;
export const adjustDaysResponse = z.object({
  days: z.object({
    serviceEndsAt: isoDate,
    daysRemaining: z.number().int(),
    userStatus: z.enum(USER_STATUSES),
  }),
});

export const USER_DAYS_MESSAGES = {
  noPlan: 'This user has no plan yet. Days can be added once they have subscribed to a plan.',
  nothingToRemove: 'This user has no days left to remove.',
} as const;

/** Every credit and debit of the user's service days: payments, PayPal renewals and admin adjustments. */
export const daysHistoryEntry = z.object({
  id: z.string(),
  type: z.enum(['user_credit', 'user_debit']),
  days: z.number().int(),
  note: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  createdAt: isoDate,
});
export type DaysHistoryEntry = z.infer<typeof daysHistoryEntry>;
export const daysHistoryQuery = pageQuery;
export const daysHistoryPage = paged(daysHistoryEntry);

export const subscriptionHistoryEntry = z.object({
  id: z.string(),
  plan: z.object({ id: z.string(), name: z.string() }).nullable(),
  status: z.enum(SUBSCRIPTION_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS).nullable(),
  serviceEndsAt: isoDate.nullable(),
  daysTotal: z.number().int(),
  isCurrent: z.boolean(),
  createdAt: isoDate,
});
export type SubscriptionHistoryEntry = z.infer<typeof subscriptionHistoryEntry>;
export const subscriptionHistoryBody = z.object({ subscriptions: z.array(subscriptionHistoryEntry) });

/** An admin creates an account with a temporary password the person changes on the Account page. */
export const TEMPORARY_PASSWORD_MIN = 12;
export const createUserBody = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter a name.' }).max(100, { error: 'Use at most 100 characters.' }),
  email,
  role,
  password: z
    .string()
    .min(TEMPORARY_PASSWORD_MIN, { error: `Use at least ${TEMPORARY_PASSWORD_MIN} characters.` })
    .max(128, { error: 'Use at most 128 characters.' }),
});
export type CreateUserBody = z.infer<typeof createUserBody>;
