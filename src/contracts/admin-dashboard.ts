import { z } from 'zod';
import { auditEntry } from './audit';
import { isoDate } from './common';
import { partnerBalance } from './whapi-settings';

/** Users whose service ends within this many days show on the dashboard with a quick +Days. */
export const EXPIRING_WITHIN_DAYS = 7;
export const EXPIRING_LIST_SIZE = 10;
export const RECENT_AUDIT_SIZE = 10;

export const expiringUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  planName: z.string(),
  daysRemaining: z.number().int(),
  serviceEndsAt: isoDate,
});
export type ExpiringUser = z.infer<typeof expiringUser>;

/** The admin's landing page (spec 004 §7): users and billing, channels, payments, balances, recent audit. */
export const adminDashboardBody = z.object({
  users: z.object({
    total: z.number().int(),
    active: z.number().int(),
    expired: z.number().int(),
    banned: z.number().int(),
    noPlan: z.number().int(),
  }),
  expiring: z.object({ total: z.number().int(), items: z.array(expiringUser) }),
  channels: z.object({
    /** Channels not deleted, of every user. */
    used: z.number().int(),
    /** Sum of the effective `channels` limits of active users with a finite limit. */
    allowed: z.number().int(),
    /** Active users whose limit is unlimited (-1), not counted in `allowed`. */
    unlimitedUsers: z.number().int(),
    byStatus: z.object({
      active: z.number().int(),
      unauthorized: z.number().int(),
      disconnected: z.number().int(),
      suspended: z.number().int(),
    }),
  }),
  payments: z.object({ pending: z.number().int() }),
  mainBalance: z.object({ days: z.number().int(), updatedAt: isoDate }),
  partnerBalance: partnerBalance.nullable(),
  recentAudit: z.array(auditEntry),
});
export type AdminDashboard = z.infer<typeof adminDashboardBody>;
