import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { users } from '../../db/schema/index';
import type { Mailer } from '../../integrations/mail/mailer';

/**
 * Emails a user once their change has committed; a mail failure is logged and never undoes or fails the action
 * (the in-app notification is already there).
 */
export function mailUserAfterCommit(
  deps: { db: Db; mailer: Mailer; log: { warn(obj: object, msg: string): void } },
  userId: string,
  subject: string,
  text: string,
): void {
  void (async () => {
    const [user] = await deps.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (user) await deps.mailer.send(user.email, subject, text);
  })().catch((error: unknown) => deps.log.warn({ err: error, userId, subject }, 'email could not be sent'));
}
