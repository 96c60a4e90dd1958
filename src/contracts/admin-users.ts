import { z } from 'zod';
import { USER_PAGES } from '../domain/pages';
import { LIMIT_KEYS, REQUEST_TYPES } from '../domain/plans';
import { accountStatus, role } from './auth';
import { isoDate } from './common';

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
export const overridesResponse = z.object({ overrides: overridesView });
