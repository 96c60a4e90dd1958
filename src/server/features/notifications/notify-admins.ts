import { and, eq } from 'drizzle-orm';
import type { NotificationKind } from '../../../contracts/notifications';
import type { Tx } from '../../db/connect';
import { notifications, users } from '../../db/schema/index';
import { publishUserEvent } from '../../realtime/event-bus';

export interface NewNotification {
  kind: NotificationKind;
  title: string;
  body: string | null;
  /** An in-app path, e.g. /admin/leads?id=… */
  link: string | null;
}

export interface NotifiedAdmin {
  id: string;
  name: string;
  email: string;
}

/**
 * One notification per active (not banned) admin, written in the caller's transaction; each admin's open
 * tabs hear about it once the transaction commits. Returns the admins, so the caller can email them after.
 */
export async function notifyAdmins(tx: Tx, notification: NewNotification): Promise<NotifiedAdmin[]> {
  const admins = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.banned, false)));
  if (admins.length === 0) return [];
  await tx.insert(notifications).values(admins.map((admin) => ({ userId: admin.id, ...notification })));
  for (const admin of admins) {
    await publishUserEvent(tx, { userId: admin.id, type: 'notification.created', data: {} });
  }
  return admins;
}
