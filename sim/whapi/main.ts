import { startWhapiSimulator } from './index';

/** `npm run sim:whapi`: PORT (default 4010), SIM_PARTNER_TOKEN (random and printed when unset). */
const simulator = await startWhapiSimulator({
  port: Number(process.env.PORT ?? 4010),
  partnerToken: process.env.SIM_PARTNER_TOKEN || undefined,
});

console.log(`WHAPI simulator (Partner + Gate API) listening on ${simulator.url}`);
console.log(`  WHAPI_PARTNER_URL=${simulator.url}`);
console.log(`  WHAPI_GATE_URL=${simulator.url}`);
console.log(`  partner name:  ${simulator.partnerName}`);
console.log(`  partner token: ${simulator.partnerToken}`);
console.log(`  control API:   ${simulator.url}/__sim/state (see sim/whapi/README.md)`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the WHAPI simulator`);
  await simulator.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
