import type { SimContext } from './sim-context';

/** `PayPal-Request-Id` idempotency (NOTES §6.1): a repeated id returns what the first request created, with 200
 *  instead of 201. The spec keeps keys for 72 hours. Keys are scoped per operation. */
const RETENTION_MS = 72 * 60 * 60 * 1000;

export function findReplay(sim: SimContext, scope: string, requestId: string | undefined): string | undefined {
  if (!requestId) return undefined;
  const entry = sim.state.requestIds.get(`${scope} ${requestId}`);
  if (!entry || sim.clock.now() - entry.at > RETENTION_MS) return undefined;
  return entry.resourceId;
}

export function rememberRequest(sim: SimContext, scope: string, requestId: string | undefined, resourceId: string): void {
  if (requestId) sim.state.requestIds.set(`${scope} ${requestId}`, { resourceId, at: sim.clock.now() });
}
