import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseBody } from './control-body';
import { toPlan } from './plan-view';
import type { SimContext } from './sim-context';
import { createState } from './state';
import { toSubscription } from './subscription-view';
import { toWebhook } from './webhooks-api';

/** /__sim/… : state, reset, faults, tokens and time. */
const FaultBody = z
  .object({
    method: z.string().optional(),
    path: z.string().startsWith('/'),
    status: z.number().int().min(400).max(599).optional(),
    name: z.string().min(1).optional(),
    issue: z.string().min(1).optional(),
    timeout: z.boolean().optional(),
    times: z.number().int().min(1).optional(),
  })
  .refine((fault) => fault.status !== undefined || fault.timeout, { message: 'give a status or timeout: true' });
const ClockBody = z.object({ advanceMs: z.number().int().min(0) });

/** Forgets plans, products, subscriptions, webhooks, events, deliveries, faults and the clock offset. The app's
 *  credentials and the tokens already issued stay valid (a client's cached token keeps working); the minted count
 *  restarts at 0. */
export function resetSimulator(sim: SimContext): void {
  sim.clock.reset();
  sim.faults.clear();
  sim.faults.releaseHeld();
  sim.delivery.clear();
  sim.tokens.resetCount();
  sim.state = createState();
}

function dumpState(sim: SimContext) {
  const now = sim.clock.now();
  const all = new Set(['plan', 'last_failed_payment']);
  return {
    now,
    clockOffsetMs: sim.clock.offsetMs(),
    credentials: { clientId: sim.identity.clientId, appId: sim.identity.appId, tokenTtlSeconds: sim.identity.tokenTtlSeconds },
    tokensMinted: sim.tokens.minted(),
    tokensActive: sim.tokens.active(now),
    products: [...sim.state.products.values()],
    plans: [...sim.state.plans.values()].map((plan) => toPlan(sim, plan)),
    subscriptions: [...sim.state.subscriptions.values()].map((subscription) => ({
      ...toSubscription(sim, subscription, all),
      ba_token: subscription.baToken,
      sales: subscription.sales,
    })),
    webhooks: [...sim.state.webhooks.values()].map((webhook) => toWebhook(sim, webhook)),
    events: sim.state.events.size,
    webhookDelivery: { holding: sim.delivery.isHolding(), options: sim.delivery.options() },
    deliveries: sim.delivery.deliveries(),
    faults: sim.faults.list(),
    violations: sim.violations,
  };
}

export function registerDebugRoutes(app: FastifyInstance, sim: SimContext): void {
  app.get('/__sim/state', async () => dumpState(sim));
  app.post('/__sim/reset', async () => {
    resetSimulator(sim);
    return { reset: true };
  });
  app.post('/__sim/faults', async (request) => ({ fault: sim.faults.add(parseBody(FaultBody, request.body)) }));
  app.get('/__sim/faults', async () => ({ faults: sim.faults.list() }));
  app.delete('/__sim/faults', async () => {
    sim.faults.clear();
    sim.faults.releaseHeld();
    return { cleared: true };
  });
  app.post('/__sim/tokens/expire', async () => ({ expired: sim.tokens.expireAll(sim.clock.now()) }));
  app.post('/__sim/clock', async (request) => {
    sim.clock.advance(parseBody(ClockBody, request.body).advanceMs);
    return { now: sim.clock.now(), offsetMs: sim.clock.offsetMs() };
  });
}
