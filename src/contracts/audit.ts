import { z } from 'zod';
import { isoDate, paged, pageQuery } from './common';

// Every action the audit log knows; later issues add theirs here so the filter stays complete.
export const AUDIT_ACTIONS = [
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'user.ban',
  'user.unban',
  'user.role_change',
  'user.create',
  'user.days_adjust',
  'admin.bootstrap',
  'whapi.settings_update',
  'whapi.webhook_secret_rotate',
  'whapi.webhook_register',
  'user.overrides_update',
  'plan.create',
  'plan.update',
  'plan.duplicate',
  'plan.archive',
  'plan.unarchive',
  'plan.publish',
  'plan.unpublish',
  'plan.reorder',
  'lead.update',
  'payment.offline_submit',
  'payment.approve',
  'payment.reject',
  'email.settings_update',
  'email.test',
  'settings.platform_update',
  'balance.topup',
  'balance.sync',
  'payment.paypal_start',
  'payment.paypal_activate',
  'payment.paypal_renew',
  'payment.paypal_status',
  'payment.paypal_mismatch',
  'payment.paypal_checkout_cancel',
  'payment.paypal_unsubscribe',
  'paypal.settings_update',
  'paypal.connection_test',
  'channel.create',
  'channel.activate',
  'channel.extend',
  'channel.delete',
  'channel.reauthorize',
  'channel.token_reveal',
  'webhook.replay',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuery = pageQuery.extend({
  actor: z.string().trim().max(254).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  targetType: z.string().trim().max(40).optional(),
  targetId: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.string(),
  createdAt: isoDate,
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetLabel: z.string().nullable(),
  reason: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditPage = paged(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;
