import { z } from 'zod';
import { isoDate } from './common';

export const NOTIFICATION_KINDS = ['lead.created', 'payment.submitted', 'payment.approved', 'payment.rejected', 'payment.renewed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationIdParams = z.object({ id: z.string().min(1).max(64) });

export const notificationQuery = z.object({
  /** `true` lists unread notifications only. */
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type NotificationQuery = z.input<typeof notificationQuery>;

export const notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: isoDate.nullable(),
  createdAt: isoDate,
});
export type Notification = z.infer<typeof notification>;

export const notificationPage = z.object({
  items: z.array(notification),
  total: z.number().int(),
  unreadCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const markAllReadBody = z.object({ ok: z.literal(true), updated: z.number().int() });
