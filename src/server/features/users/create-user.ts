import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AdminUser, CreateUserBody } from '../../../contracts/admin-users';
import { AppError } from '../../app-error';
import type { Db } from '../../db/connect';
import { accounts, users } from '../../db/schema/index';
import type { Auth } from '../auth/better-auth';
import { recordAudit, type Actor } from '../audit/record-audit';
import { toAdminUser } from './find-user';

const EMAIL_TAKEN = 'An account with this email already exists.';

/**
 * An admin creates an account (spec 004 §3) with a temporary password. The password is hashed by better-auth's own
 * hasher and stored as its credential account, so the person signs in like anyone else; the user row, the account
 * and the audit row commit together. The password itself is never stored, logged or audited (QUALITY K2).
 */
export async function createUser(
  { db, auth }: { db: Db; auth: Auth },
  { actor, input }: { actor: Actor; input: CreateUserBody },
): Promise<AdminUser> {
  const context = await auth.$context;
  const hash = await context.password.hash(input.password);
  const id = context.generateId({ model: 'user' }) || randomUUID();
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (taken) throw emailTaken();
      const now = new Date();
      const [created] = await tx
        .insert(users)
        .values({ id, name: input.name, email: input.email, role: input.role, createdAt: now, updatedAt: now })
        .returning();
      await tx.insert(accounts).values({
        id: context.generateId({ model: 'account' }) || randomUUID(),
        accountId: id,
        providerId: 'credential',
        userId: id,
        password: hash,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, actor, {
        action: 'user.create',
        target: { type: 'user', id, label: input.email },
        meta: { role: input.role },
      });
      return toAdminUser(created!);
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides, the loser gets the same answer.
    if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw emailTaken();
    }
    throw error;
  }
}

function emailTaken(): AppError {
  return new AppError('EMAIL_TAKEN', EMAIL_TAKEN, { fields: { email: EMAIL_TAKEN } });
}
