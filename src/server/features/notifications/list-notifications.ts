import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NotificationPage } from '../../../contracts/notifications';
import type { Db } from '../../db/connect';
import { notifications } from '../../db/schema/index';
import { toNotification } from './notification-row';

export interface ListNotificationsInput {
  userId: string;
  unread: boolean;
  page: number;
  pageSize: number;
}

/** The person's own notifications, newest first, with the unread count the bell shows. */
export async function listNotifications(db: Db, { userId, unread, page, pageSize }: ListNotificationsInput): Promise<NotificationPage> {
  const mine = eq(notifications.userId, userId);
  const where = unread ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [counts]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({
        total: unread ? sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int` : sql<number>`count(*)::int`,
        unreadCount: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int`,
      })
      .from(notifications)
      .where(mine),
  ]);
  return {
    items: rows.map(toNotification),
    total: counts?.total ?? 0,
    unreadCount: counts?.unreadCount ?? 0,
    page,
    pageSize,
  };
}
