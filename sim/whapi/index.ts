import { createFaultStore } from '../shared/fault-store';
import { createViolationRecorder, listenForSim, type SpecViolation } from '../shared/sim-server';
import { syncAllChannels } from './channel-health';
import { createClock } from './clock';
import type { FaultRule } from './faults';
import { newPartnerToken } from './ids';
import { buildSimServer } from './server';
import { loadSpecBundle } from './spec-bundle';
import { DEFAULT_SPEC_DIR } from './spec-loader';
import type { SimContext } from './sim-context';
import { createState } from './state';
import { createWebhookSender } from './webhooks';

/** A stateful, in-memory stand-in for WHAPI's Partner API and Gate API on one HTTP server (their paths are
 *  disjoint), validated against the official OpenAPI documents. See sim/whapi/README.md. */
export interface WhapiSimulatorOptions {
  port?: number;
  host?: string;
  partnerToken?: string;
  partnerName?: string;
  initialDays?: number;
  specDir?: string;
}
export interface WhapiSimulator {
  url: string;
  partnerToken: string;
  partnerName: string;
  close(): Promise<void>;
}

const TICK_MS = 250;

export async function startWhapiSimulator(options: WhapiSimulatorOptions = {}): Promise<WhapiSimulator> {
  const bundle = await loadSpecBundle(options.specDir ?? DEFAULT_SPEC_DIR);
  const clock = createClock();
  const identity = {
    name: options.partnerName ?? 'omniplus',
    token: options.partnerToken ?? newPartnerToken(),
    initialDays: options.initialDays ?? 100,
  };
  const violations: SpecViolation[] = [];
  const sim: SimContext = {
    state: createState(identity, clock.now()),
    clock,
    bundle,
    webhooks: createWebhookSender(clock.now),
    faults: createFaultStore<FaultRule>(),
    identity,
    baseUrl: '',
    violations,
    recordViolation: createViolationRecorder('whapi-sim', clock.now, violations),
  };

  const app = buildSimServer(sim);
  sim.baseUrl = await listenForSim(app, options);

  // Boots finish and days run out on their own; the ticker reports those as channel.post webhooks.
  const ticker = setInterval(() => syncAllChannels(sim), TICK_MS);
  ticker.unref();

  return {
    url: sim.baseUrl,
    partnerToken: identity.token,
    partnerName: identity.name,
    async close() {
      clearInterval(ticker);
      sim.webhooks.close();
      sim.faults.releaseHeld();
      await app.close();
    },
  };
}
