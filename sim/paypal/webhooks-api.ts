import type { HandlerTable } from './api-dispatcher';
import { notFound, PayPalError } from './api-error';
import { newWebhookId } from './ids';
import type { SimContext } from './sim-context';
import type { WebhookRecord } from './state';

/** Webhook management from the official Webhooks file: create, list, show, delete. */

// NOTES §5.6: up to 10 webhook URLs per app.
const MAX_WEBHOOKS = 10;

// The descriptions PayPal's event-type catalogue gives; unknown names are echoed without one.
const DESCRIPTIONS: Record<string, string> = {
  '*': 'ALL',
  'BILLING.SUBSCRIPTION.CREATED': 'A billing subscription was created.',
  'BILLING.SUBSCRIPTION.ACTIVATED': 'A billing subscription was activated.',
  'BILLING.SUBSCRIPTION.UPDATED': 'A billing subscription was updated.',
  'BILLING.SUBSCRIPTION.EXPIRED': 'A billing subscription expired.',
  'BILLING.SUBSCRIPTION.CANCELLED': 'A billing subscription was cancelled.',
  'BILLING.SUBSCRIPTION.SUSPENDED': 'A billing subscription was suspended.',
  'BILLING.SUBSCRIPTION.PAYMENT.FAILED': 'Payment failed on subscription.',
  'PAYMENT.SALE.COMPLETED': 'A sale completed.',
  'PAYMENT.SALE.REFUNDED': "A merchant refunded a sale.",
  'PAYMENT.SALE.REVERSED': 'PayPal reversed a sale.',
};

export function toWebhook(sim: SimContext, webhook: WebhookRecord) {
  const self = `${sim.baseUrl}/v1/notifications/webhooks/${webhook.id}`;
  return {
    id: webhook.id,
    url: webhook.url,
    event_types: webhook.eventTypes.map((name) => ({ name, ...(DESCRIPTIONS[name] ? { description: DESCRIPTIONS[name] } : {}) })),
    links: [
      { href: self, rel: 'self', method: 'GET' },
      { href: self, rel: 'update', method: 'PATCH' },
      { href: self, rel: 'delete', method: 'DELETE' },
    ],
  };
}

export function requireWebhook(sim: SimContext, id: string): WebhookRecord {
  const webhook = sim.state.webhooks.get(id);
  if (!webhook) throw notFound('webhook_id', id);
  return webhook;
}

/** Real PayPal also insists on https on port 443; the simulator accepts http so local receivers can listen. */
function createWebhook(sim: SimContext, url: string, eventTypes: string[]): WebhookRecord {
  if (eventTypes.length === 0) {
    throw new PayPalError(400, [{ field: '/event_types', location: 'body', issue: 'MISSING_REQUIRED_PARAMETER', description: 'At least one event type is required.' }]);
  }
  const webhooks = [...sim.state.webhooks.values()];
  if (webhooks.some((webhook) => webhook.url === url)) {
    throw new PayPalError(400, [{ field: '/url', value: url, location: 'body', issue: 'WEBHOOK_URL_ALREADY_EXISTS', description: 'Webhook URL already exists.' }], { name: 'WEBHOOK_URL_ALREADY_EXISTS', message: 'Webhook URL already exists.' });
  }
  if (webhooks.length >= MAX_WEBHOOKS) {
    throw new PayPalError(400, [{ issue: 'WEBHOOK_NUMBER_LIMIT_EXCEEDED', description: `An app can have at most ${MAX_WEBHOOKS} webhooks.` }], { name: 'WEBHOOK_NUMBER_LIMIT_EXCEEDED', message: 'Maximum number of allowed webhooks exceeded.' });
  }
  const webhook: WebhookRecord = { id: newWebhookId(), url, eventTypes: [...new Set(eventTypes)] };
  sim.state.webhooks.set(webhook.id, webhook);
  return webhook;
}

export const webhookHandlers: HandlerTable = {
  'POST /v1/notifications/webhooks': (sim, { body }) => {
    const request = body as { url: string; event_types: { name: string }[] };
    const webhook = createWebhook(sim, request.url, request.event_types.map((type) => type.name));
    return { status: 201, body: toWebhook(sim, webhook) };
  },
  'GET /v1/notifications/webhooks': (sim) => ({ body: { webhooks: [...sim.state.webhooks.values()].map((webhook) => toWebhook(sim, webhook)) } }),
  'GET /v1/notifications/webhooks/{webhook_id}': (sim, { params }) => ({ body: toWebhook(sim, requireWebhook(sim, params.webhook_id ?? '')) }),
  'DELETE /v1/notifications/webhooks/{webhook_id}': (sim, { params }) => {
    sim.state.webhooks.delete(requireWebhook(sim, params.webhook_id ?? '').id);
    return { status: 204 };
  },
};
