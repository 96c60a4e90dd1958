import { and, eq, sql } from 'drizzle-orm';
import type { Notification } from '../../../contracts/notifications';
import { notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { notifications } from '../../db/schema/index';
import { toNotification } from './notification-row';

/** Marks one of the person's own notifications read; someone else's id is answered like an unknown one (404). */
export async function markNotificationRead(db: Db, { userId, id }: { userId: string; id: string }): Promise<Notification> {
  const [row] = await db
    .update(notifications)
    // Reading twice keeps the first time.
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  if (!row) throw notFound('Notification');
  return toNotification(row);
}
