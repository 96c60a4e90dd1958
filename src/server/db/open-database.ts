import { join } from 'node:path';
import type { Config } from '../config';
import { connectDatabase, type Database } from './connect';
import { startEmbeddedPostgres } from './embedded';
import { applyMigrations } from './migrate';

export interface OpenDatabase {
  database: Database;
  /** Closes the pool and stops the embedded server when we started one. */
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in DATA_DIR/postgres. Migrations are applied. */
export async function openDatabase(config: Config, log: { info(msg: string): void }): Promise<OpenDatabase> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(join(config.dataDir, 'postgres'), log);
  const database = connectDatabase(config.databaseUrl ?? embedded!.url);
  try {
    await applyMigrations(database);
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  return {
    database,
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}
