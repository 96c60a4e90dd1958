import { eq } from 'drizzle-orm';
import type { Database } from '../src/server/db/connect';
import { users } from '../src/server/db/schema/index';
import { createAuth } from '../src/server/features/auth/better-auth';
import type { Config } from '../src/server/config';

export interface SeedAccount {
  name: string;
  email: string;
  password: string;
  role: 'admin' | 'user';
}

/** Demo and seed accounts; creating one that exists leaves it as it is, so seeding can run again. */
export const DEMO_ACCOUNTS: SeedAccount[] = [
  { name: 'Demo Admin', email: 'admin@demo.omniplus.local', password: 'demo-admin-pass', role: 'admin' },
  { name: 'Layla Haddad', email: 'layla@demo.omniplus.local', password: 'demo-user-pass', role: 'user' },
  { name: 'Omar Said', email: 'omar@demo.omniplus.local', password: 'demo-user-pass', role: 'user' },
];

export async function seedAccounts(database: Database, config: Config, accounts: SeedAccount[]): Promise<string[]> {
  const auth = createAuth({ db: database.db, appUrl: config.appUrl, secret: config.secretKey });
  const created: string[] = [];
  for (const account of accounts) {
    const [existing] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    if (existing) continue;
    const result = await auth.api.signUpEmail({
      body: { name: account.name, email: account.email, password: account.password },
    });
    await database.db.update(users).set({ role: account.role }).where(eq(users.id, result.user.id));
    created.push(account.email);
  }
  return created;
}
