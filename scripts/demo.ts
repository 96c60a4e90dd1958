import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open-database';
import { DEMO_ACCOUNTS, seedAccounts } from './seed-accounts';

// npm run demo — the platform with demo accounts in its own data directory (./data/demo), so trying it never
// touches the real ./data. Later features add their demo data and wire the WHAPI and PayPal simulators here.
const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? resolve('data/demo') };
const config = loadConfig(env);
const { database, close } = await openDatabase(config, { info: () => undefined });
await seedAccounts(database, config, DEMO_ACCOUNTS);
await close();

console.log('\nOmniPlus WA Tracker demo — sign in with one of these accounts:');
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(5)}  ${a.email.padEnd(28)} ${a.password}`);
console.log(`\nOpen ${config.appUrl}\n`);

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
