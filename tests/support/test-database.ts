import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { connectDatabase, type Database } from '../../src/server/db/connect';
import { cloneDatabase, databaseUrl, dropDatabase } from './postgres-server';

/** A fresh, migrated database for this test file, dropped when the file ends. */
export async function createTestDatabase(options: { max?: number } = {}): Promise<Database> {
  const adminUrl = inject('pgAdminUrl');
  const name = `omniplus_test_${randomBytes(5).toString('hex')}`;
  await cloneDatabase(adminUrl, inject('pgTemplate'), name);
  const database = connectDatabase(databaseUrl(adminUrl, name), { max: options.max ?? 20 });
  afterAll(async () => {
    await database.close();
    await dropDatabase(adminUrl, name);
  });
  return database;
}
