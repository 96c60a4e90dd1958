import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { currentHealth, syncAllChannels } from './channel-health';
import { parseControlBody } from './control-body';
import { toPartnerChannel } from './partner-channel-view';
import type { SimContext } from './sim-context';
import { createState } from './state';

/** /__sim/… : time, faults, reset and what the simulator has seen and sent. */

const FaultBody = z.object({
  method: z.string().optional(),
  path: z.string().startsWith('/'),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  hang: z.boolean().optional(),
  times: z.number().int().min(1).optional(),
});
const ClockBody = z.object({ advanceMs: z.number().int().min(0) });

export function resetSimulator(sim: SimContext): void {
  sim.clock.reset();
  sim.faults.clear();
  sim.faults.releaseHeld();
  sim.webhooks.clear();
  sim.state = createState(sim.identity, sim.clock.now());
}

function dumpState(sim: SimContext) {
  const now = sim.clock.now();
  const { partner } = sim.state;
  return {
    now,
    clockOffsetMs: sim.clock.offsetMs(),
    partner: { name: partner.name, ownerId: partner.ownerId, balanceDays: partner.balanceDays, settings: partner.settings, creationWindow: partner.creationWindow },
    projects: [...sim.state.projects.values()],
    channels: [...sim.state.channels.values()].map((channel) => ({
      ...toPartnerChannel(sim, channel),
      health: currentHealth(channel, now),
      user: channel.user,
      launchedAt: channel.launchedAt,
      settings: channel.settings,
      billing: channel.billing,
      usage: channel.usage,
    })),
    messages: [...sim.state.messages.values()],
    faults: sim.faults.list(),
    webhooksSent: sim.webhooks.deliveries().length,
    violations: sim.violations,
  };
}

export function registerDebugRoutes(app: FastifyInstance, sim: SimContext): void {
  app.post('/__sim/faults', async (request) => ({ fault: sim.faults.add(parseControlBody(FaultBody, request.body)) }));
  app.get('/__sim/faults', async () => ({ faults: sim.faults.list() }));
  app.delete('/__sim/faults', async () => {
    sim.faults.clear();
    sim.faults.releaseHeld();
    return { success: true };
  });
  app.post('/__sim/clock', async (request) => {
    sim.clock.advance(parseControlBody(ClockBody, request.body).advanceMs);
    syncAllChannels(sim);
    return { now: sim.clock.now(), offsetMs: sim.clock.offsetMs() };
  });
  app.post('/__sim/reset', async () => {
    resetSimulator(sim);
    return { success: true };
  });
  app.get('/__sim/state', async () => dumpState(sim));
  // ?settle=true waits until every queued delivery has been attempted, so status/error are filled in.
  app.get('/__sim/webhooks', async (request) => {
    if ((request.query as { settle?: string }).settle === 'true') await sim.webhooks.idle();
    return { webhooks: sim.webhooks.deliveries() };
  });
  app.delete('/__sim/webhooks', async () => {
    sim.webhooks.clear();
    return { success: true };
  });
}
