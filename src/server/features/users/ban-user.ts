import { eq } from 'drizzle-orm';
import type { AdminUser } from '../../../contracts/admin-users';
import { MESSAGES } from '../../../contracts/errors';
import { AppError, notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { users } from '../../db/schema/index';
import { publishUserEvent } from '../../realtime/event-bus';
import { recordAudit, type Actor } from '../audit/record-audit';
import { findUserForUpdate, toAdminUser } from './find-user';
import { lockActiveAdmins } from './lock-active-admins';

export interface BanUserInput {
  actor: Actor;
  userId: string;
  reason?: string | undefined;
}

/**
 * Suspends an account (spec 004 §5). Sessions are not deleted here: each one is refused with the suspended
 * message on its next request and destroyed then (QUALITY S1); open tabs hear it at once over SSE.
 */
export async function banUser(db: Db, { actor, userId, reason }: BanUserInput): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    const target = await findUserForUpdate(tx, userId);
    if (!target) throw notFound('User');
    if (target.id === actor.userId) throw new AppError('CONFLICT', "You can't ban your own account.");
    if (target.banned) throw new AppError('CONFLICT', 'This user is already banned.');
    if (target.role === 'admin' && activeAdmins.filter((id) => id !== target.id).length === 0) {
      throw new AppError('CONFLICT', "You can't ban the last active admin.");
    }
    const [updated] = await tx
      .update(users)
      .set({ banned: true, banReason: reason || null, bannedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, target.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'user.ban',
      target: { type: 'user', id: target.id, label: target.email },
      reason: reason || null,
    });
    await publishUserEvent(tx, {
      userId: target.id,
      type: 'account.suspended',
      data: { message: MESSAGES.accountSuspended },
    });
    return toAdminUser(updated!);
  });
}
