import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { users } from '../../db/schema/index';
import type { SessionUser } from '../auth/find-session';

/** Only the name: role, email and status are never writable by their owner (QUALITY Z2). */
export async function updateMyName(db: Db, user: SessionUser, name: string): Promise<SessionUser> {
  await db.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, user.id));
  return { ...user, name };
}
