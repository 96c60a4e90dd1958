import type { Tx } from '../../db/connect';
import { notifications } from '../../db/schema/index';
import { publishUserEvent } from '../../realtime/event-bus';
import type { NewNotification } from './notify-admins';

/** One notification for one person, in the caller's transaction; their open tabs hear it once it commits. */
export async function notifyUser(tx: Tx, userId: string, notification: NewNotification): Promise<void> {
  await tx.insert(notifications).values({ userId, ...notification });
  await publishUserEvent(tx, { userId, type: 'notification.created', data: {} });
}
