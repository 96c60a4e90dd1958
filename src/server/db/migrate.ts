import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './connect';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

// Several processes may start at once against one database (ROLE=web + ROLE=worker): one migrates, the others wait.
const MIGRATION_LOCK = 7_411_001;

export async function applyMigrations(database: Database): Promise<void> {
  // One connection holds the lock and runs the migrations, so this works even with a pool of one.
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
