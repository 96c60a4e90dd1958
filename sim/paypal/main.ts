import { startPayPalSimulator } from './index';

/** `npm run sim:paypal`: PORT (default 4020), SIM_PAYPAL_CLIENT_ID / SIM_PAYPAL_CLIENT_SECRET (random and printed when
 *  unset), SIM_PAYPAL_TOKEN_TTL (seconds, default 32400). */
const simulator = await startPayPalSimulator({
  port: Number(process.env.PORT ?? 4020),
  clientId: process.env.SIM_PAYPAL_CLIENT_ID || undefined,
  clientSecret: process.env.SIM_PAYPAL_CLIENT_SECRET || undefined,
  tokenTtlSeconds: process.env.SIM_PAYPAL_TOKEN_TTL ? Number(process.env.SIM_PAYPAL_TOKEN_TTL) : undefined,
});

console.log(`PayPal simulator (OAuth + Subscriptions + Webhooks) listening on ${simulator.url}`);
console.log(`  PAYPAL_API_URL=${simulator.url}`);
console.log(`  client id:     ${simulator.clientId}`);
console.log(`  client secret: ${simulator.clientSecret}`);
console.log(`  control API:   ${simulator.url}/__sim/state (see sim/paypal/README.md)`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the PayPal simulator`);
  await simulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
