import type { SpecViolation } from '../shared/sim-server';
import type { SimClock } from './clock';
import type { FaultStore } from './faults';
import type { SpecBundle } from './spec-bundle';
import type { SimState } from './state';
import type { TokenStore } from './token-store';
import type { WebhookDeliverer } from './webhook-delivery';
import type { WebhookSigner } from './webhook-signature';

export type { SpecViolation } from '../shared/sim-server';

/** The REST app the simulator pretends the caller registered: its credentials never change across resets. */
export interface AppIdentity {
  clientId: string;
  clientSecret: string;
  appId: string;
  tokenTtlSeconds: number;
}

/** What every handler is given: the in-memory state plus the services around it. */
export interface SimContext {
  state: SimState;
  clock: SimClock;
  bundle: SpecBundle;
  identity: AppIdentity;
  tokens: TokenStore;
  faults: FaultStore;
  signer: WebhookSigner;
  delivery: WebhookDeliverer;
  /** `http://127.0.0.1:<port>`, known once the server listens */
  baseUrl: string;
  /** responses or webhooks that did not match the official schemas; kept across resets, should stay empty */
  violations: SpecViolation[];
  recordViolation(where: string, problems: string[]): void;
}

/** The certificate name in PAYPAL-CERT-URL; real ones look like CERT-360caa42-fca2a594-1d93a270. */
export const CERT_NAME = 'CERT-sim';
export const certUrl = (sim: SimContext): string => `${sim.baseUrl}/v1/notifications/certs/${CERT_NAME}`;
