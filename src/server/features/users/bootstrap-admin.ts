import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect';
import { users } from '../../db/schema/index';
import type { Auth } from '../auth/better-auth';
import { recordAudit } from '../audit/record-audit';

export const GENERATED_ADMIN_EMAIL = 'admin@omniplus.local';
const BOOTSTRAP_LOCK = 7_411_002;

export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Only when we generated it: shown once on the console, never stored in clear. */
  generatedPassword?: string;
}

/**
 * Makes sure the platform has an admin: ADMIN_EMAIL/ADMIN_PASSWORD when given, otherwise a generated account.
 * Runs at every start and does nothing once an admin exists.
 */
export async function bootstrapAdmin(
  database: Database,
  auth: Auth,
  wanted: { email?: string | undefined; password?: string | undefined },
): Promise<BootstrapResult> {
  const { db, pool } = database;
  const client = await pool.connect();
  try {
    // Two processes starting together must not both create an admin.
    await client.query('SELECT pg_advisory_lock($1)', [BOOTSTRAP_LOCK]);
    const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.role, 'admin'));
    if ((existing?.n ?? 0) > 0) return { created: false };

    const email = wanted.email ?? GENERATED_ADMIN_EMAIL;
    const [already] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    let generatedPassword: string | undefined;
    let userId = already?.id;
    if (!userId) {
      const password = wanted.password ?? (generatedPassword = randomBytes(12).toString('base64url'));
      const created = await auth.api.signUpEmail({ body: { name: 'Administrator', email, password } });
      userId = created.user.id;
    }
    await db.transaction(async (tx) => {
      await tx.update(users).set({ role: 'admin', updatedAt: new Date() }).where(eq(users.id, userId));
      await recordAudit(tx, { userId: null, ip: null }, {
        action: 'admin.bootstrap',
        target: { type: 'user', id: userId, label: email },
        meta: { source: wanted.email ? 'ADMIN_EMAIL' : 'generated', promotedExisting: Boolean(already) },
      });
    });
    return { created: true, email, ...(generatedPassword ? { generatedPassword } : {}) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [BOOTSTRAP_LOCK]).catch(() => undefined);
    client.release();
  }
}
