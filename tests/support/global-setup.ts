import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/server/db/connect';
import { applyMigrations } from '../../src/server/db/migrate';
import { databaseUrl, dropDatabase, startTestPostgres, withAdminClient } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/** One migrated template database per run; every test file clones its own database from it. */
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  const template = `omniplus_tmpl_${randomBytes(4).toString('hex')}`;
  await withAdminClient(server.adminUrl, (c) => c.query(`CREATE DATABASE "${template}"`));
  const database = connectDatabase(databaseUrl(server.adminUrl, template), { max: 1 });
  await applyMigrations(database);
  await database.close();
  project.provide('pgAdminUrl', server.adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}
