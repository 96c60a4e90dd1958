import { isoMillis } from './clock';
import { newEventId } from './ids';
import { checkJson } from './response-validator';
import { toSaleResource } from './sales';
import type { SimContext } from './sim-context';
import type { SaleRecord, SubscriptionRecord, WebhookRecord } from './state';
import { toSubscription } from './subscription-view';
import type { Delivery } from './webhook-delivery';

/** Builds PayPal's event envelope (NOTES §5.2) and hands it to every registered webhook that listens for its type. */
export const SUBSCRIPTION_EVENT_TYPES = [
  'BILLING.SUBSCRIPTION.CREATED',
  'BILLING.SUBSCRIPTION.ACTIVATED',
  'BILLING.SUBSCRIPTION.SUSPENDED',
  'BILLING.SUBSCRIPTION.CANCELLED',
  'BILLING.SUBSCRIPTION.EXPIRED',
  'BILLING.SUBSCRIPTION.PAYMENT.FAILED',
] as const;
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number];

// Summaries as real deliveries word them ("Subscription created", "Subscription cancelled").
export const SUMMARIES: Record<SubscriptionEventType, string> = {
  'BILLING.SUBSCRIPTION.CREATED': 'Subscription created',
  'BILLING.SUBSCRIPTION.ACTIVATED': 'Subscription activated',
  'BILLING.SUBSCRIPTION.SUSPENDED': 'Subscription suspended',
  'BILLING.SUBSCRIPTION.CANCELLED': 'Subscription cancelled',
  'BILLING.SUBSCRIPTION.EXPIRED': 'Subscription expired',
  'BILLING.SUBSCRIPTION.PAYMENT.FAILED': 'Subscription payment failed',
};

export type WebhookEvent = Record<string, unknown> & { id: string; event_type: string; resource_type: string; resource: Record<string, unknown> };

interface EnvelopeInput {
  eventType: string;
  resourceType: string;
  /** subscription events carry "2.0"; v1 sale events carry none in real deliveries */
  resourceVersion?: string;
  summary: string;
  resource: Record<string, unknown>;
}

export function buildEvent(sim: SimContext, input: EnvelopeInput): WebhookEvent {
  const id = newEventId();
  const self = `${sim.baseUrl}/v1/notifications/webhooks-events/${id}`;
  return {
    id,
    event_version: '1.0',
    create_time: isoMillis(sim.clock.now()),
    resource_type: input.resourceType,
    ...(input.resourceVersion ? { resource_version: input.resourceVersion } : {}),
    event_type: input.eventType,
    summary: input.summary,
    resource: input.resource,
    links: [
      { href: self, rel: 'self', method: 'GET' },
      { href: `${self}/resend`, rel: 'resend', method: 'POST' },
    ],
  };
}

export const listensFor = (webhook: WebhookRecord, eventType: string): boolean =>
  webhook.eventTypes.includes('*') || webhook.eventTypes.includes(eventType);

function checkEvent(sim: SimContext, event: WebhookEvent): void {
  const { bundle } = sim;
  const problems = checkJson(bundle, bundle.schema('webhooks', 'event'), 'application/json', event, 'event');
  if (event.resource_type === 'subscription') {
    problems.push(...checkJson(bundle, bundle.schema('billing', 'subscription'), 'application/json', event.resource, 'event.resource'));
  }
  if (problems.length) sim.recordViolation(`webhook ${event.event_type}`, problems);
}

/** Sends an event (new or stored) to the listening webhooks, or to one webhook when `only` is given. */
export function deliverEvent(sim: SimContext, event: WebhookEvent, only?: WebhookRecord): Delivery[] {
  const targets = only ? [only] : [...sim.state.webhooks.values()].filter((webhook) => listensFor(webhook, event.event_type));
  return targets.flatMap((webhook) => sim.delivery.send(webhook, event));
}

export function publish(sim: SimContext, event: WebhookEvent): void {
  checkEvent(sim, event);
  sim.state.events.set(event.id, event);
  deliverEvent(sim, event);
}

export function subscriptionEvent(sim: SimContext, subscription: SubscriptionRecord, eventType: SubscriptionEventType): WebhookEvent {
  return buildEvent(sim, {
    eventType,
    resourceType: 'subscription',
    resourceVersion: '2.0',
    summary: SUMMARIES[eventType],
    resource: toSubscription(sim, subscription),
  });
}

export function publishSubscriptionEvent(sim: SimContext, subscription: SubscriptionRecord, eventType: SubscriptionEventType): void {
  publish(sim, subscriptionEvent(sim, subscription, eventType));
}

export function publishSaleCompleted(sim: SimContext, sale: SaleRecord): void {
  const resource = toSaleResource(sim, sale);
  publish(sim, buildEvent(sim, { eventType: 'PAYMENT.SALE.COMPLETED', resourceType: 'sale', summary: `Payment completed for ${resource.summaryAmount}`, resource: resource.body }));
}
