import { eq } from 'drizzle-orm';
import type { AdminUser } from '../../../contracts/admin-users';
import { AppError, notFound } from '../../app-error';
import type { Db } from '../../db/connect';
import { users } from '../../db/schema/index';
import type { JobRunner } from '../../jobs/job-runner';
import { sweepMessagingJob } from '../messaging/messaging-job-refs';
import { recordAudit, type Actor } from '../audit/record-audit';
import { findUserForUpdate, toAdminUser } from './find-user';

/**
 * Unban restores everything (DOMAIN.md "Users and bans"): the messaging sweep for this user is enqueued with the
 * change, so their queued messages and running campaigns go out again at once.
 */
export async function unbanUser(
  db: Db,
  { actor, userId, jobs }: { actor: Actor; userId: string; jobs?: JobRunner | null },
): Promise<AdminUser> {
  return db.transaction(async (tx) => {
    const target = await findUserForUpdate(tx, userId);
    if (!target) throw notFound('User');
    if (!target.banned) throw new AppError('CONFLICT', 'This user is not banned.');
    const [updated] = await tx
      .update(users)
      .set({ banned: false, banReason: null, banExpires: null, bannedAt: null, updatedAt: new Date() })
      .where(eq(users.id, target.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'user.unban',
      target: { type: 'user', id: target.id, label: target.email },
      meta: { previousReason: target.banReason },
    });
    await jobs?.enqueue(sweepMessagingJob, { userId: target.id }, { tx });
    return toAdminUser(updated!);
  });
}
