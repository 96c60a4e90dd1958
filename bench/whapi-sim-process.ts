import { startWhapiSimulator } from '../sim/whapi/index';

// The WHAPI simulator in its own process for P2/P3 (bench/linked-sender.ts starts it): like sim/whapi/main.ts, but
// with the partner balance and token the bench sets, so one run can allocate days to as many channels as it needs.
const simulator = await startWhapiSimulator({
  host: '127.0.0.1',
  port: Number(process.env.PORT),
  partnerToken: process.env.SIM_PARTNER_TOKEN,
  partnerName: 'omniplus',
  initialDays: 1_000_000,
});
console.log(`WHAPI simulator listening on ${simulator.url}`);
process.on('SIGTERM', () => void simulator.close().then(() => process.exit(0)));
