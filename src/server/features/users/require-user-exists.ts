import { eq } from 'drizzle-orm';
import { notFound } from '../../app-error';
import type { DbOrTx } from '../../db/connect';
import { users } from '../../db/schema/index';

/** The per-user admin lists answer 404 for an unknown id rather than an empty list. */
export async function requireUserExists(db: DbOrTx, userId: string): Promise<void> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!row) throw notFound('User');
}
