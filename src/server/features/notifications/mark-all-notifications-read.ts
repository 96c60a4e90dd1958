import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { notifications } from '../../db/schema/index';

/** Marks every unread notification of the person read; returns how many changed. */
export async function markAllNotificationsRead(db: Db, { userId }: { userId: string }): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
