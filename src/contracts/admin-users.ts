import { z } from 'zod';
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
