import { createFaultStore } from '../shared/fault-store';
import { createViolationRecorder, listenForSim, type SpecViolation } from '../shared/sim-server';
import { createClock } from './clock';
import type { FaultRule } from './faults';
import { newAppId, newClientId, newClientSecret } from './ids';
import { buildSimServer } from './server';
import { certUrl, type SimContext } from './sim-context';
import { loadSpecBundle } from './spec-bundle';
import { DEFAULT_SPEC_DIR } from './spec-loader';
import { createState } from './state';
import { createTokenStore } from './token-store';
import { createWebhookDeliverer } from './webhook-delivery';
import { createWebhookSigner } from './webhook-signature';

/** A stateful, in-memory stand-in for PayPal's OAuth, Subscriptions and Webhooks APIs plus the buyer's approval page,
 *  validated against the official OpenAPI documents. See sim/paypal/README.md. */
export interface PayPalSimulatorOptions {
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
  specDir?: string;
}
export interface PayPalSimulator {
  url: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

// NOTES §1: real tokens live "typically 9 hours"; captures show expires_in 32400.
const DEFAULT_TOKEN_TTL_SECONDS = 32_400;

export async function startPayPalSimulator(options: PayPalSimulatorOptions = {}): Promise<PayPalSimulator> {
  const bundle = await loadSpecBundle(options.specDir ?? DEFAULT_SPEC_DIR);
  const clock = createClock();
  const signer = createWebhookSigner();
  const violations: SpecViolation[] = [];
  const sim: SimContext = {
    state: createState(),
    clock,
    bundle,
    identity: {
      clientId: options.clientId ?? newClientId(),
      clientSecret: options.clientSecret ?? newClientSecret(),
      appId: newAppId(),
      tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    },
    tokens: createTokenStore(),
    faults: createFaultStore<FaultRule>(),
    signer,
    delivery: createWebhookDeliverer({ now: clock.now, signer, certUrl: () => certUrl(sim) }),
    baseUrl: '',
    violations,
    recordViolation: createViolationRecorder('paypal-sim', clock.now, violations),
  };

  const app = buildSimServer(sim);
  sim.baseUrl = await listenForSim(app, options);

  return {
    url: sim.baseUrl,
    clientId: sim.identity.clientId,
    clientSecret: sim.identity.clientSecret,
    async close() {
      sim.delivery.close();
      sim.faults.releaseHeld();
      await app.close();
    },
  };
}
