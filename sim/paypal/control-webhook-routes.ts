import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from './api-error';
import { parseBody } from './control-body';
import type { SimContext } from './sim-context';
import { requireSubscription } from './subscriptions';
import { buildEvent, deliverEvent, listensFor, SUBSCRIPTION_EVENT_TYPES, subscriptionEvent, SUMMARIES, type WebhookEvent } from './webhook-events';
import { requireWebhook } from './webhooks-api';

/** /__sim/… for webhook delivery: the log, PayPal's duplicates and reordering on demand, redelivery and forgeries. */
const OptionsBody = z.object({
  duplicate: z.boolean().optional(),
  retryDelaysMs: z.array(z.number().int().min(0).max(60_000)).max(25).optional(),
  timeoutMs: z.number().int().min(1).max(60_000).optional(),
});
const ReleaseBody = z.object({ order: z.enum(['original', 'reverse']).default('original') });
const RedeliverBody = z.object({ webhook_id: z.string().optional() });
const ForgeBody = z.object({
  event_type: z.enum(SUBSCRIPTION_EVENT_TYPES).default('BILLING.SUBSCRIPTION.CANCELLED'),
  subscription_id: z.string().optional(),
  webhook_id: z.string().optional(),
});

/** An event that looks real (about the named subscription, or a made-up one) but is signed with another key. */
function forge(sim: SimContext, body: z.infer<typeof ForgeBody>) {
  const subscription = body.subscription_id ? requireSubscription(sim, body.subscription_id) : undefined;
  const event: WebhookEvent = subscription
    ? subscriptionEvent(sim, subscription, body.event_type)
    : buildEvent(sim, { eventType: body.event_type, resourceType: 'subscription', resourceVersion: '2.0', summary: SUMMARIES[body.event_type], resource: { id: 'I-FORGED000000', status: 'ACTIVE' } });
  const targets = body.webhook_id ? [requireWebhook(sim, body.webhook_id)] : [...sim.state.webhooks.values()].filter((w) => listensFor(w, event.event_type));
  return targets.flatMap((webhook) => sim.delivery.send(webhook, event, { forged: true }));
}

export function registerWebhookControlRoutes(app: FastifyInstance, sim: SimContext): void {
  // ?settle=true waits until every queued delivery has had its last attempt, so states are final.
  app.get('/__sim/webhooks', async (request) => {
    if ((request.query as { settle?: string }).settle === 'true') await sim.delivery.idle();
    return { holding: sim.delivery.isHolding(), options: sim.delivery.options(), deliveries: sim.delivery.deliveries() };
  });
  app.delete('/__sim/webhooks', async () => {
    sim.delivery.clear();
    return { cleared: true };
  });
  app.post('/__sim/webhooks/options', async (request) => ({ options: sim.delivery.configure(parseBody(OptionsBody, request.body)) }));
  app.post('/__sim/webhooks/hold', async () => {
    sim.delivery.hold();
    return { holding: true };
  });
  app.post('/__sim/webhooks/release', async (request) => ({ released: sim.delivery.release(parseBody(ReleaseBody, request.body).order) }));
  app.post('/__sim/webhooks/forge', async (request) => ({ deliveries: forge(sim, parseBody(ForgeBody, request.body)) }));

  app.get('/__sim/events', async () => ({ events: [...sim.state.events.values()] }));
  app.post('/__sim/events/:id/redeliver', async (request) => {
    const id = (request.params as { id: string }).id;
    const event = sim.state.events.get(id);
    if (!event) throw notFound('id', id);
    const { webhook_id: webhookId } = parseBody(RedeliverBody, request.body);
    return { deliveries: deliverEvent(sim, event as WebhookEvent, webhookId ? requireWebhook(sim, webhookId) : undefined) };
  });
}
