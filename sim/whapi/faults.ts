import type { ActiveFault as SharedActiveFault, FaultMatch, FaultStore as SharedFaultStore } from '../shared/fault-store';

/** Injected failures for the API paths (POST /__sim/faults): a fixed status/body, added latency, or a request that
 *  never answers, optionally only for the next `times` matching requests. `path` is a pattern such as
 *  '/channels/:id/extend'; matching and counting live in ../shared/fault-store.ts. */
export interface FaultRule extends FaultMatch {
  status?: number;
  body?: unknown;
  latencyMs?: number;
  hang?: boolean;
}
export type ActiveFault = SharedActiveFault<FaultRule>;
export type FaultStore = SharedFaultStore<FaultRule>;
