import { eq } from 'drizzle-orm';
import type { AdminUser } from '../../../contracts/admin-users';
import type { DbOrTx } from '../../db/connect';
import { users } from '../../db/schema/index';

type UserRow = typeof users.$inferSelect;

export function toAdminUser(row: UserRow): AdminUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.banned ? 'banned' : 'active',
    banReason: row.banReason,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findUserForUpdate(tx: DbOrTx, id: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row ?? null;
}
