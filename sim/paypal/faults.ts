import type { ActiveFault as SharedActiveFault, FaultMatch, FaultStore as SharedFaultStore } from '../shared/fault-store';

/** Injected failures (POST /__sim/faults): a PayPal error status, or a request that never answers, optionally only
 *  for the next `times` matching requests. `path` is a pattern such as
 *  '/v1/billing/subscriptions/:id/cancel'; matching and counting live in ../shared/fault-store.ts. */
export interface FaultRule extends FaultMatch {
  status?: number;
  /** overrides the error `name` (e.g. a 400 WEBHOOK_URL_ALREADY_EXISTS) */
  name?: string;
  /** puts one `details[]` entry with this issue in the body (e.g. 422 USER_ACCOUNT_CLOSED) */
  issue?: string;
  /** never answer: the connection stays open until the faults are cleared or the simulator closes */
  timeout?: boolean;
}
export type ActiveFault = SharedActiveFault<FaultRule>;
export type FaultStore = SharedFaultStore<FaultRule>;
