import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect';
import { users } from '../../db/schema/index';

/**
 * Locks every active admin row and returns their ids. Taking these locks first serialises concurrent bans and
 * demotions, so two admins acting on each other at once can never leave the platform without an admin.
 */
export async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.banned, false)))
    .orderBy(users.id)
    .for('update');
  return rows.map((row) => row.id);
}
