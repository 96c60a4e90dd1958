import { createPublicKey, verify } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkJson } from './response-validator';
import { startScenario, type Scenario } from './test-support/scenario';
import { startWebhookReceiver, type ReceivedHook, type WebhookReceiver } from './test-support/webhook-receiver';

let s: Scenario;
let receiver: WebhookReceiver;
let webhookId: string;

beforeAll(async () => {
  s = await startScenario();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await s.sim.close();
  await receiver.close();
});
beforeEach(async () => {
  // let the previous test's deliveries land before forgetting them
  await s.client.control('GET', '/__sim/webhooks?settle=true');
  await s.reset();
  receiver.clear();
  webhookId = (await registerWebhook(`${receiver.url}/paypal`, ['*'])).body.id;
});
afterEach(async () => {
  // what arrived is what the spec describes: the event envelope, and the subscription resource inside it
  for (const hook of receiver.received) {
    expect(checkJson(s.bundle, s.bundle.schema('webhooks', 'event'), 'application/json', hook.body)).toEqual([]);
    if (hook.body.resource_type === 'subscription') {
      expect(checkJson(s.bundle, s.bundle.schema('billing', 'subscription'), 'application/json', hook.body.resource)).toEqual([]);
    }
  }
  expect(await s.specProblems()).toEqual([]);
});

const registerWebhook = (url: string, events: string[]) =>
  s.client.api('POST', '/v1/notifications/webhooks', { url, event_types: events.map((name) => ({ name })) });
const settle = () => s.client.control('GET', '/__sim/webhooks?settle=true');

/** What a receiving app does: copy the headers and the parsed body into PayPal's postback. */
function postbackFor(hook: ReceivedHook, overrides: Record<string, unknown> = {}) {
  return {
    auth_algo: hook.headers['paypal-auth-algo'],
    cert_url: hook.headers['paypal-cert-url'],
    transmission_id: hook.headers['paypal-transmission-id'],
    transmission_sig: hook.headers['paypal-transmission-sig'],
    transmission_time: hook.headers['paypal-transmission-time'],
    webhook_id: webhookId,
    webhook_event: JSON.parse(hook.raw),
    ...overrides,
  };
}
const verifyPostback = async (body: unknown) => (await s.client.api('POST', '/v1/notifications/verify-webhook-signature', body)).body.verification_status;

/** NOTES §5.5, offline: RSA-SHA256 over id|time|webhook id|crc32(raw body), with the key at PAYPAL-CERT-URL. */
async function verifyOffline(hook: ReceivedHook, raw = hook.raw): Promise<boolean> {
  const pem = await (await fetch(String(hook.headers['paypal-cert-url']))).text();
  const signed = `${hook.headers['paypal-transmission-id']}|${hook.headers['paypal-transmission-time']}|${webhookId}|${crc32(Buffer.from(raw)) >>> 0}`;
  return verify('sha256', Buffer.from(signed), createPublicKey(pem), Buffer.from(String(hook.headers['paypal-transmission-sig']), 'base64'));
}

describe('webhook management', () => {
  it('creates, lists, shows and deletes webhooks', async () => {
    const created = await registerWebhook('https://app.example.com/hooks/paypal', ['BILLING.SUBSCRIPTION.ACTIVATED', 'PAYMENT.SALE.COMPLETED']);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[A-Z0-9]{17}$/),
      url: 'https://app.example.com/hooks/paypal',
      event_types: [{ name: 'BILLING.SUBSCRIPTION.ACTIVATED', description: expect.any(String) }, { name: 'PAYMENT.SALE.COMPLETED', description: expect.any(String) }],
    });
    expect((await s.client.api('GET', '/v1/notifications/webhooks')).body.webhooks).toHaveLength(2);
    expect((await s.client.api('GET', `/v1/notifications/webhooks/${created.body.id}`)).body.url).toBe('https://app.example.com/hooks/paypal');
    expect((await s.client.api('DELETE', `/v1/notifications/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await s.client.api('GET', `/v1/notifications/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await s.client.api('DELETE', `/v1/notifications/webhooks/${created.body.id}`)).status).toBe(404);
  });

  it('refuses a URL twice, an 11th webhook and malformed requests', async () => {
    const twice = await registerWebhook(`${receiver.url}/paypal`, ['*']);
    expect(twice.status).toBe(400);
    expect(twice.body.name).toBe('WEBHOOK_URL_ALREADY_EXISTS');
    for (let i = 1; i < 10; i++) expect((await registerWebhook(`https://app.example.com/hook/${i}`, ['*'])).status).toBe(201);
    expect((await registerWebhook('https://app.example.com/hook/11', ['*'])).body.name).toBe('WEBHOOK_NUMBER_LIMIT_EXCEEDED');
    const noEvents = await s.client.api('POST', '/v1/notifications/webhooks', { url: 'https://app.example.com/x' });
    expect(noEvents.body.details[0]).toMatchObject({ field: '/event_types', issue: 'MISSING_REQUIRED_PARAMETER' });
    expect((await registerWebhook('not a url', ['*'])).status).toBe(400);
  });
});

describe('event delivery', () => {
  it('posts signed events with PayPal’s headers and envelope, and only the types a webhook listens for', async () => {
    const salesOnly = await startWebhookReceiver();
    try {
      await registerWebhook(`${salesOnly.url}/sales`, ['PAYMENT.SALE.COMPLETED']);
      const subscription = await s.activeSubscription();
      await settle();
      expect(receiver.eventTypes()).toEqual(['BILLING.SUBSCRIPTION.CREATED', 'BILLING.SUBSCRIPTION.ACTIVATED', 'PAYMENT.SALE.COMPLETED']);
      expect(salesOnly.eventTypes()).toEqual(['PAYMENT.SALE.COMPLETED']);

      const [created] = receiver.received;
      expect(created!.path).toBe('/paypal');
      expect(created!.headers).toMatchObject({
        'content-type': 'application/json',
        'paypal-transmission-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
        'paypal-transmission-time': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        'paypal-transmission-sig': expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
        'paypal-cert-url': `${s.sim.url}/v1/notifications/certs/CERT-sim`,
        'paypal-auth-algo': 'SHA256withRSA',
      });
      expect(created!.body).toMatchObject({
        id: expect.stringMatching(/^WH-[A-Z0-9]{17}-[A-Z0-9]{17}$/),
        event_version: '1.0',
        resource_type: 'subscription',
        resource_version: '2.0',
        event_type: 'BILLING.SUBSCRIPTION.CREATED',
        summary: 'Subscription created',
        resource: { id: subscription.id, status: 'APPROVAL_PENDING', custom_id: 'user-42' },
        links: [expect.objectContaining({ rel: 'self' }), expect.objectContaining({ rel: 'resend' })],
      });
      expect(receiver.received[1]!.body.resource).toMatchObject({ status: 'ACTIVE', billing_info: { cycle_executions: [{ cycles_completed: 1 }] } });
      expect(receiver.received[2]!.body).not.toHaveProperty('resource_version');
    } finally {
      await salesOnly.close();
    }
  });

  it('keeps a delivery log with every attempt', async () => {
    await s.seedPlan().then((plan) => s.createSubscription(plan.id));
    const log = (await settle()).body;
    expect(log.deliveries).toEqual([
      expect.objectContaining({ webhookId, eventType: 'BILLING.SUBSCRIPTION.CREATED', state: 'delivered', attempts: [expect.objectContaining({ status: 200 })] }),
    ]);
  });
});

describe('signature verification', () => {
  async function oneDelivery(): Promise<ReceivedHook> {
    await s.activeSubscription();
    await settle();
    return receiver.received.find((hook) => hook.body.event_type === 'BILLING.SUBSCRIPTION.ACTIVATED')!;
  }

  it('the postback says SUCCESS for an event as delivered', async () => {
    const hook = await oneDelivery();
    expect(await verifyPostback(postbackFor(hook))).toBe('SUCCESS');
  });

  it('the postback says FAILURE (still HTTP 200) for a tampered body, another webhook id or a changed header', async () => {
    const hook = await oneDelivery();
    const tampered = JSON.parse(hook.raw);
    tampered.resource.status = 'CANCELLED';
    expect(await verifyPostback(postbackFor(hook, { webhook_event: tampered }))).toBe('FAILURE');
    const other = (await registerWebhook('https://app.example.com/other', ['*'])).body.id;
    expect(await verifyPostback(postbackFor(hook, { webhook_id: other }))).toBe('FAILURE');
    expect(await verifyPostback(postbackFor(hook, { transmission_time: '2020-01-01T00:00:00Z' }))).toBe('FAILURE');
    expect(await verifyPostback(postbackFor(hook, { transmission_id: '5d1f1e2a-0000-4000-8000-000000000000' }))).toBe('FAILURE');
    expect(await verifyPostback(postbackFor(hook, { cert_url: 'https://evil.example.com/cert.pem' }))).toBe('FAILURE');
    await s.client.api('DELETE', `/v1/notifications/webhooks/${webhookId}`);
    expect(await verifyPostback(postbackFor(hook))).toBe('FAILURE');
  });

  it('the postback validates its body like PayPal: 400 naming each missing field', async () => {
    const refused = await s.client.api('POST', '/v1/notifications/verify-webhook-signature', { auth_algo: 'SHA256withRSA' });
    expect(refused.status).toBe(400);
    expect(refused.body.details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining(['/cert_url', '/transmission_id', '/transmission_sig', '/transmission_time', '/webhook_id', '/webhook_event']),
    );
  });

  it('verifies offline with the key at PAYPAL-CERT-URL and the CRC-32 of the raw body', async () => {
    const hook = await oneDelivery();
    expect(await verifyOffline(hook)).toBe(true);
    expect(await verifyOffline(hook, hook.raw.replace('"ACTIVE"', '"CANCELLED"'))).toBe(false);
  });

  it('sends forged events whose signature fails both checks', async () => {
    const subscription = await s.activeSubscription();
    await settle();
    receiver.clear();
    await s.client.control('POST', '/__sim/webhooks/forge', { subscription_id: subscription.id, event_type: 'BILLING.SUBSCRIPTION.CANCELLED' });
    const [forged] = await receiver.waitFor((hooks) => hooks.length === 1);
    expect(forged!.body).toMatchObject({ event_type: 'BILLING.SUBSCRIPTION.CANCELLED', resource: { id: subscription.id } });
    expect(await verifyPostback(postbackFor(forged!))).toBe('FAILURE');
    expect(await verifyOffline(forged!)).toBe(false);
  });
});

describe('PayPal’s delivery quirks on demand', () => {
  it('duplicates every event: two transmissions of the same event id, both genuine', async () => {
    await s.client.control('POST', '/__sim/webhooks/options', { duplicate: true });
    await s.seedPlan().then((plan) => s.createSubscription(plan.id));
    const hooks = await receiver.waitFor((received) => received.length === 2);
    expect(hooks[0]!.body.id).toBe(hooks[1]!.body.id);
    expect(hooks[0]!.headers['paypal-transmission-id']).not.toBe(hooks[1]!.headers['paypal-transmission-id']);
    for (const hook of hooks) expect(await verifyPostback(postbackFor(hook))).toBe('SUCCESS');
  });

  it('holds deliveries and releases them in reverse order', async () => {
    await s.client.control('POST', '/__sim/webhooks/hold');
    await s.activeSubscription();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(0);
    expect((await s.client.control('POST', '/__sim/webhooks/release', { order: 'reverse' })).body).toEqual({ released: 3 });
    await receiver.waitFor((hooks) => hooks.length === 3);
    expect(receiver.eventTypes()).toEqual(['PAYMENT.SALE.COMPLETED', 'BILLING.SUBSCRIPTION.ACTIVATED', 'BILLING.SUBSCRIPTION.CREATED']);
    // held transmissions were signed when the event happened and still verify
    expect(await verifyPostback(postbackFor(receiver.received[0]!))).toBe('SUCCESS');
  });

  it('retries a non-2xx answer after each configured delay until it succeeds', async () => {
    await s.client.control('POST', '/__sim/webhooks/options', { retryDelaysMs: [10, 10, 10] });
    receiver.answerWith(500, 503);
    await s.seedPlan().then((plan) => s.createSubscription(plan.id));
    const [delivery] = (await settle()).body.deliveries;
    expect(delivery).toMatchObject({ state: 'delivered' });
    expect(delivery.attempts.map((attempt: { status: number }) => attempt.status)).toEqual([500, 503, 200]);
    expect(receiver.received.map((hook) => hook.answeredWith)).toEqual([500, 503, 200]);
  });

  it('gives up after the last retry and records the network errors', async () => {
    await s.client.control('POST', '/__sim/webhooks/options', { retryDelaysMs: [5] });
    await registerWebhook('http://127.0.0.1:9/unreachable', ['*']);
    await s.seedPlan().then((plan) => s.createSubscription(plan.id));
    const deliveries = (await settle()).body.deliveries;
    const dead = deliveries.find((delivery: { url: string }) => delivery.url.includes(':9/'));
    expect(dead).toMatchObject({ state: 'failed', attempts: [expect.objectContaining({ error: expect.any(String) }), expect.objectContaining({ error: expect.any(String) })] });
  });

  it('redelivers a stored event by id as a new transmission', async () => {
    await s.seedPlan().then((plan) => s.createSubscription(plan.id));
    const [first] = await receiver.waitFor((hooks) => hooks.length === 1);
    const redelivered = await s.client.control('POST', `/__sim/events/${first!.body.id}/redeliver`);
    expect(redelivered.body.deliveries).toHaveLength(1);
    const hooks = await receiver.waitFor((received) => received.length === 2);
    expect(hooks[1]!.body.id).toBe(first!.body.id);
    expect(hooks[1]!.headers['paypal-transmission-id']).not.toBe(first!.headers['paypal-transmission-id']);
    expect((await s.client.control('POST', '/__sim/events/WH-NOPE/redeliver')).status).toBe(404);
  });
});
