import type { SpecViolation } from '../shared/sim-server';
import type { SimClock } from './clock';
import type { FaultStore } from './faults';
import type { SpecBundle } from './spec-bundle';
import type { PartnerIdentity, SimState } from './state';
import type { WebhookSender } from './webhooks';

export type { SpecViolation } from '../shared/sim-server';

/** What every handler is given: the in-memory state plus the services around it. */
export interface SimContext {
  state: SimState;
  clock: SimClock;
  bundle: SpecBundle;
  webhooks: WebhookSender;
  faults: FaultStore;
  identity: PartnerIdentity;
  /** `http://127.0.0.1:<port>`, known once the server listens */
  baseUrl: string;
  /** responses or webhooks that did not match the official schemas; kept across resets, should stay empty */
  violations: SpecViolation[];
  recordViolation(where: string, problems: string[]): void;
}
