import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startPayPalSimulator } from '../sim/paypal/index';
import { startWhapiSimulator } from '../sim/whapi/index';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open-database';
import { DEMO_ACCOUNTS, seedAccounts } from './seed-accounts';
import { seedPayPal } from './seed-paypal';
import { seedPlans } from './seed-plans';
import { seedDemoSender } from './seed-demo-sender';
import { seedWhapi } from './seed-whapi';

// npm run demo — the platform wired to the WHAPI simulator, with demo accounts and the integration already
// configured, in its own data directory (./data/demo) so trying it never touches the real ./data.
const simPort = Number(process.env.SIM_PORT ?? 4010);
const sim = await startWhapiSimulator({
  port: simPort,
  partnerToken: process.env.SIM_PARTNER_TOKEN ?? 'demoPartnerTokenForTheWhapiSimulator',
  partnerName: 'omniplus',
});
const paypal = await startPayPalSimulator({
  port: Number(process.env.PAYPAL_SIM_PORT ?? 4020),
  clientId: 'demo-paypal-client-id',
  clientSecret: 'demo-paypal-client-secret',
});
const env = {
  ...process.env,
  PAYPAL_API_URL: paypal.url,
  DATA_DIR: process.env.DATA_DIR ?? resolve('data/demo'),
  WHAPI_PARTNER_URL: sim.url,
  WHAPI_GATE_URL: sim.url,
};
const config = loadConfig(env);
const { database, close } = await openDatabase(config, { info: () => undefined });
await seedAccounts(database, config, DEMO_ACCOUNTS);
await seedPlans(database);
await seedWhapi(database, config, { token: sim.partnerToken, name: sim.partnerName, daysLimit: 30 });
await seedPayPal(database, config, paypal);
await close();

console.log('\nOmniPlus WA Tracker demo — sign in with one of these accounts:');
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(5)}  ${a.email.padEnd(28)} ${a.password}`);
console.log(`\nWHAPI simulator: ${sim.url} (partner token ${sim.partnerToken}); control endpoints in sim/whapi/README.md`);
console.log(`PayPal simulator: ${paypal.url} (approval pages open there; control endpoints in sim/paypal/README.md)`);
console.log(`Open ${config.appUrl}\n`);

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: 'inherit' });
void announcePartnerBalance();
const stop = async (signal: NodeJS.Signals) => {
  server.kill(signal);
  await sim.close();
  await paypal.close();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
server.on('exit', (code) => {
  void Promise.all([sim.close(), paypal.close()]).finally(() => process.exit(code ?? 0));
});

// Once the app answers, the simulator sends its partner days notice, so the admin sees a partner balance at once,
// and Layla is made ready to send (scripts/seed-demo-sender.ts).
async function announcePartnerBalance(): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const healthy = await fetch(`${config.appUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) {
      await fetch(`${sim.url}/__sim/partner/days-notice`, { method: 'POST' }).catch(() => undefined);
      const [admin, layla] = [DEMO_ACCOUNTS.find((a) => a.role === 'admin')!, DEMO_ACCOUNTS.find((a) => a.email.startsWith('layla'))!];
      await seedDemoSender(config.appUrl, sim.url, admin, { ...layla, phone: '+97336123456' }).then(
        () => console.log(`Demo: ${layla.email} has the Business plan and a linked channel — try Send and Bulk.`),
        (error: Error) => console.error(`Demo: could not prepare ${layla.email}'s channel: ${error.message}`),
      );
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
