import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPayPalSimulator } from '../../../sim/paypal/index';
import { startWhapiSimulator } from '../../../sim/whapi/index';
import { E2E_ADMIN, E2E_PAYPAL, E2E_WHAPI } from './accounts';

// Starts the real server for Playwright on a fresh database: a new database on TEST_DATABASE_URL's server when
// set (CI), otherwise the embedded PostgreSQL in a temporary data directory — exactly what `npm start` does.
const port = process.env.E2E_PORT ?? '3999';
const dataDir = mkdtempSync(join(tmpdir(), 'omniplus-e2e-'));
// As root, the embedded PostgreSQL runs as the 'postgres' user, which must be able to enter this directory.
chmodSync(dataDir, 0o755);
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

const adminUrl = process.env.TEST_DATABASE_URL;
if (adminUrl) {
  const name = `omniplus_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}

const sim = await startWhapiSimulator({
  port: E2E_WHAPI.port,
  partnerToken: E2E_WHAPI.partnerToken,
  partnerName: E2E_WHAPI.partnerName,
});
const paypal = await startPayPalSimulator({
  port: E2E_PAYPAL.port,
  clientId: E2E_PAYPAL.clientId,
  clientSecret: E2E_PAYPAL.clientSecret,
});

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    APP_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    LOG_LEVEL: 'warn',
    WHAPI_PARTNER_URL: sim.url,
    WHAPI_GATE_URL: sim.url,
    PAYPAL_API_URL: paypal.url,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  },
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await sim.close().catch(() => undefined);
  await paypal.close().catch(() => undefined);
  await dropDatabase?.().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
server.on('exit', (code) => {
  if (!stopping) process.exit(code ?? 1);
});
