import { eq } from 'drizzle-orm';
import type { AdminUser } from '../../../contracts/admin-users';
import type { Role } from '../../../domain/access';
import { AppError, notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { users } from '../../db/schema/index';
import { publishUserEvent } from '../../realtime/event-bus';
import { recordAudit, type Actor } from '../audit/record-audit';
import { findUserForUpdate, toAdminUser } from './find-user';
import { lockActiveAdmins } from './lock-active-admins';

/** QUALITY Z2: nobody changes their own role, and the last active admin is never demoted. */
export async function setUserRole(
  db: Db,
  { actor, userId, role }: { actor: Actor; userId: string; role: Role },
): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const target = await findUserForUpdate(tx, userId);
    if (!target) throw notFound('User');
    if (target.id === actor.userId) throw new AppError('FORBIDDEN', "You can't change your own role.");
    if (target.role === role) return toAdminUser(target);
    if (target.role === 'admin' && activeAdmins.filter((id) => id !== target.id).length === 0) {
      throw new AppError('CONFLICT', "You can't demote the last active admin.");
    }
    const [updated] = await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, target.id)).returning();
    await recordAudit(tx, actor, {
      action: 'user.role_change',
      target: { type: 'user', id: target.id, label: target.email },
      meta: { from: target.role, to: role },
    });
    // The person's open tabs reload their navigation: their pages just changed.
    await publishUserEvent(tx, { userId: target.id, type: 'access.changed', data: { role } });
    return toAdminUser(updated!);
  });
}
