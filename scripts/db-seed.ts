import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open-database';
import { DEMO_ACCOUNTS, seedAccounts } from './seed-accounts';
import { seedPlans } from './seed-plans';

// npm run db:seed — demo accounts (and, as later features land, their demo data) in the configured database.
const config = loadConfig();
const { database, close } = await openDatabase(config, console);
try {
  const created = await seedAccounts(database, config, DEMO_ACCOUNTS);
  created.push(...(await seedPlans(database)));
  console.log(created.length ? `seeded: ${created.join(', ')}` : 'seed data already present');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(5)} ${a.email}  password: ${a.password}`);
} finally {
  await close();
}
