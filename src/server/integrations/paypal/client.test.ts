import { beforeEach, describe, expect, it } from 'vitest';
import { paypalHarness } from './test-support/harness';
import {
  PLAN_ID,
  SUBSCRIPTION_ID,
  TOKEN_ROUTE,
  WEBHOOK_ID,
  createdSample,
  notFound,
  paypalError,
  planSample,
  serverError,
  subscriptionSample,
  tokenReply,
} from './test-support/paypal-samples';
import { failure } from './test-support/scripted-server';

// Subscriptions v1 and webhook verification against a scripted PayPal (NOTES §2, §3, §5.4, §6).

const { server, client } = await paypalHarness();

const SUB = `/v1/billing/subscriptions/${SUBSCRIPTION_ID}`;
const CREATE = 'POST /v1/billing/subscriptions';
const CANCEL = `POST ${SUB}/cancel`;
const ACTIVATE = `POST ${SUB}/activate`;
const VERIFY = 'POST /v1/notifications/verify-webhook-signature';

const createInput = {
  planId: PLAN_ID,
  customId: 'acct_42',
  returnUrl: 'https://app.example.com/billing/return',
  cancelUrl: 'https://app.example.com/billing/cancel',
  brandName: 'Omniplus',
  requestId: 'sub-create-7f3c2a',
};

beforeEach(() => server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one')));

describe('getPlan', () => {
  it('reads the plan into our own shape', async () => {
    server.on(`GET /v1/billing/plans/${PLAN_ID}`, { status: 200, body: planSample() });
    const plan = await client().getPlan(PLAN_ID);
    expect(plan).toEqual({
      id: PLAN_ID,
      name: 'Pro monthly',
      status: 'ACTIVE',
      billingCycles: [
        { tenureType: 'TRIAL', sequence: 1, totalCycles: 1, frequency: { intervalUnit: 'MONTH', intervalCount: 1 }, price: null },
        { tenureType: 'REGULAR', sequence: 2, totalCycles: 0, frequency: { intervalUnit: 'MONTH', intervalCount: 1 }, price: { currencyCode: 'USD', value: '10.00' } },
      ],
    });
    expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer A21AAtoken-one');
  });

  it('reports an unknown plan as not_found with PayPal’s name, issue and words', async () => {
    server.on('GET /v1/billing/plans/P-NOPE', notFound);
    const error = await failure(client().getPlan('P-NOPE'));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.name).toBe('RESOURCE_NOT_FOUND');
    expect(error.issue).toBe('INVALID_RESOURCE_ID');
    expect(error.debugId).toBe('b1d2e3f4a5c67');
    expect(error.userMessage).toBe('PayPal could not find the plan: INVALID_RESOURCE_ID — Requested resource ID was not found.');
    expect(server.hits('GET /v1/billing/plans/P-NOPE')).toBe(1);
  });

  it('encodes ids into the path', async () => {
    server.on('GET /v1/billing/plans/P-1%2F..%2Fx', notFound);
    await failure(client().getPlan('P-1/../x'));
    expect(server.hits('GET /v1/billing/plans/P-1%2F..%2Fx')).toBe(1);
  });
});

describe('createSubscription', () => {
  it('sends the request id, asks for the full resource, and returns the approval link', async () => {
    server.on(CREATE, { status: 201, body: createdSample() });
    const created = await client().createSubscription(createInput);
    expect(created).toEqual({
      id: SUBSCRIPTION_ID,
      status: 'APPROVAL_PENDING',
      approveUrl: 'https://www.paypal.com/webapps/billing/subscriptions?ba_token=BA-2M539689T3856352J',
    });
    const [request] = server.seen(CREATE);
    expect(request!.headers['paypal-request-id']).toBe('sub-create-7f3c2a');
    expect(request!.headers.prefer).toBe('return=representation');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({
      plan_id: PLAN_ID,
      custom_id: 'acct_42',
      application_context: {
        brand_name: 'Omniplus',
        shipping_preference: 'NO_SHIPPING',
        user_action: 'SUBSCRIBE_NOW',
        return_url: 'https://app.example.com/billing/return',
        cancel_url: 'https://app.example.com/billing/cancel',
      },
    });
  });

  it('leaves brand_name out when none is given, and accepts the 200 of an idempotent replay', async () => {
    server.on(CREATE, { status: 200, body: createdSample() });
    const { brandName: _brand, ...input } = createInput;
    expect((await client().createSubscription(input)).id).toBe(SUBSCRIPTION_ID);
    expect(server.seen(CREATE)[0]!.body).not.toHaveProperty('application_context.brand_name');
  });

  it('is retried after outages with the same PayPal-Request-Id', async () => {
    server.on(CREATE, serverError, 'hang', { status: 200, body: createdSample() });
    const created = await client({ timeoutMs: 200 }).createSubscription(createInput);
    expect(created.id).toBe(SUBSCRIPTION_ID);
    const ids = server.seen(CREATE).map((r) => r.headers['paypal-request-id']);
    expect(ids).toEqual(['sub-create-7f3c2a', 'sub-create-7f3c2a', 'sub-create-7f3c2a']);
  });

  it('keeps a refusal’s name, issue and words, and does not retry it', async () => {
    server.on(
      CREATE,
      paypalError(422, 'UNPROCESSABLE_ENTITY', 'The requested action could not be performed, semantically incorrect, or failed business validation.', [
        { issue: 'PLAN_STATUS_INVALID', description: 'Plan status is invalid.' },
      ]),
    );
    const error = await failure(client().createSubscription(createInput));
    expect(error.kind).toBe('unprocessable');
    expect(error.name).toBe('UNPROCESSABLE_ENTITY');
    expect(error.issue).toBe('PLAN_STATUS_INVALID');
    expect(error.description).toBe('Plan status is invalid.');
    expect(error.userMessage).toBe('PayPal refused the request: PLAN_STATUS_INVALID — Plan status is invalid.');
    expect(server.hits(CREATE)).toBe(1);
  });

  it('fails with invalid_response when PayPal sends no approval link', async () => {
    server.on(CREATE, { status: 201, body: createdSample({ links: [{ href: 'https://x/self', rel: 'self', method: 'GET' }] }) });
    const error = await failure(client().createSubscription(createInput));
    expect(error.kind).toBe('invalid_response');
    expect(error.userMessage).toBe('PayPal created the subscription but sent no approval link.');
  });
});

describe('getSubscription', () => {
  it('reads status, plan, custom id and billing info into our own shape', async () => {
    server.on(`GET ${SUB}`, { status: 200, body: subscriptionSample() });
    const subscription = await client().getSubscription(SUBSCRIPTION_ID);
    expect(subscription).toMatchObject({
      id: SUBSCRIPTION_ID,
      status: 'ACTIVE',
      planId: PLAN_ID,
      customId: 'acct_42',
      statusUpdateTime: new Date('2026-01-10T07:00:06Z'),
      startTime: new Date('2026-01-10T07:00:00Z'),
      billingInfo: {
        cycleExecutions: [
          { tenureType: 'TRIAL', sequence: 1, cyclesCompleted: 1 },
          { tenureType: 'REGULAR', sequence: 2, cyclesCompleted: 3 },
        ],
        lastPayment: { amount: { currencyCode: 'USD', value: '10.00' }, time: new Date('2026-03-10T07:00:05Z') },
        nextBillingTime: new Date('2026-04-10T10:00:00Z'),
        failedPaymentsCount: 0,
        outstandingBalance: { currencyCode: 'USD', value: '0.00' },
      },
    });
    expect(subscription.links.map((l) => l.rel)).toEqual(['cancel', 'self']);
  });

  it('retries a GET after a 500 and succeeds', async () => {
    server.on(`GET ${SUB}`, serverError, { status: 200, body: subscriptionSample() });
    expect((await client().getSubscription(SUBSCRIPTION_ID)).status).toBe('ACTIVE');
    expect(server.hits(`GET ${SUB}`)).toBe(2);
  });

  it('reports an unknown subscription as not_found', async () => {
    server.on(`GET ${SUB}`, notFound);
    const error = await failure(client().getSubscription(SUBSCRIPTION_ID));
    expect(error.kind).toBe('not_found');
    expect(error.userMessage).toContain('PayPal could not find the subscription');
  });
});

describe('cancelSubscription and activateSubscription', () => {
  it('cancels with the reason (204, no body)', async () => {
    server.on(CANCEL, { status: 204 });
    await expect(client().cancelSubscription(SUBSCRIPTION_ID, 'Customer asked')).resolves.toBeUndefined();
    expect(server.seen(CANCEL)[0]!.body).toEqual({ reason: 'Customer asked' });
  });

  it('cuts a reason to PayPal’s 128 characters', async () => {
    server.on(CANCEL, { status: 204 });
    await client().cancelSubscription(SUBSCRIPTION_ID, '🙂'.repeat(200));
    expect(server.seen(CANCEL)[0]!.body).toEqual({ reason: '🙂'.repeat(128) });
  });

  it('never retries a cancel, even after a 500', async () => {
    server.on(CANCEL, serverError, { status: 204 });
    const error = await failure(client().cancelSubscription(SUBSCRIPTION_ID, 'Customer asked'));
    expect(error.kind).toBe('unavailable');
    expect(server.hits(CANCEL)).toBe(1);
  });

  it('keeps SUBSCRIPTION_STATUS_INVALID as the issue, so the caller can re-read the subscription', async () => {
    server.on(
      CANCEL,
      paypalError(422, 'UNPROCESSABLE_ENTITY', 'The requested action could not be performed.', [
        { issue: 'SUBSCRIPTION_STATUS_INVALID', description: 'Invalid subscription status for cancel action; subscription status should be active or suspended.' },
      ]),
    );
    const error = await failure(client().cancelSubscription(SUBSCRIPTION_ID, 'Customer asked'));
    expect(error.kind).toBe('unprocessable');
    expect(error.issue).toBe('SUBSCRIPTION_STATUS_INVALID');
  });

  it('activates with or without a reason, and never retries', async () => {
    server.on(ACTIVATE, { status: 204 });
    await client().activateSubscription(SUBSCRIPTION_ID, 'Reactivating on customer request');
    await client().activateSubscription(SUBSCRIPTION_ID);
    expect(server.seen(ACTIVATE).map((r) => r.body)).toEqual([{ reason: 'Reactivating on customer request' }, {}]);

    server.on(ACTIVATE, paypalError(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable.'), { status: 204 });
    expect((await failure(client().activateSubscription(SUBSCRIPTION_ID))).kind).toBe('unavailable');
    expect(server.hits(ACTIVATE)).toBe(3);
  });
});

describe('verifyWebhookSignature', () => {
  // Spacing, key order, escapes and number forms that JSON.stringify would change: PayPal must see these bytes.
  const rawBody =
    '{ "id":"WH-2WR32451HC0233532-67976317FL4543714",\n  "event_version":"1.0", "create_time":"2026-03-10T07:00:07.000Z",' +
    '"resource_type":"sale","event_type":"PAYMENT.SALE.COMPLETED","summary":"Payment completed for $ 10.0 USD \\u00e9",' +
    '"resource":{"amount":{"total":"10.00","currency":"USD"},"id":"80021663DE681814L","state":"completed","billing_agreement_id":"I-BW452GLLEP1G","fee":1.50e0}}';
  const headers = {
    'PAYPAL-TRANSMISSION-ID': '69cd13f0-d67a-11e5-baa3-778b53f4ae55',
    'paypal-transmission-time': '2026-03-10T07:00:08Z',
    'Paypal-Transmission-Sig': 'lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz+Zjh3s3boXB07VXCXUZy/UFzUlnGJn0wDugt7FlSvdKeIJenLRemUxYCPVoEZzg9VFNqOa48gMkvF+XTpxBeUx/kWy6B5cp7GkT2+pOowfRK7OaynuxUoKW3JcMWw272VKjLTtTAShncla7tGF+55rxyt2KNZIIqxNMJ48RDZheGU5w1npu9dZHnPgTXB9iomeVRoD8O/jhRpnKsGrDschyNdkeh81BJJMH4Ctc6lnCCquoP/GzCzz33MMsNdid7vL/NIWaCsekQpW26FpWPi/tfj8nLA==',
    'paypal-cert-url': 'https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77',
    'PayPal-Auth-Algo': 'SHA256withRSA',
    'content-type': 'application/json',
  };

  it('splices the raw body into the request byte for byte and returns PayPal’s verdict', async () => {
    server.on(VERIFY, { status: 200, body: { verification_status: 'SUCCESS' } });
    expect(await client().verifyWebhookSignature({ headers, webhookId: WEBHOOK_ID, rawBody })).toBe('SUCCESS');
    const [request] = server.seen(VERIFY);
    expect(request!.rawBody.endsWith(`,"webhook_event":${rawBody}}`)).toBe(true);
    expect(request!.body).toEqual({
      auth_algo: 'SHA256withRSA',
      cert_url: 'https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77',
      transmission_id: '69cd13f0-d67a-11e5-baa3-778b53f4ae55',
      transmission_sig: headers['Paypal-Transmission-Sig'],
      transmission_time: '2026-03-10T07:00:08Z',
      webhook_id: WEBHOOK_ID,
      webhook_event: JSON.parse(rawBody),
    });
    expect(request!.headers.authorization).toBe('Bearer A21AAtoken-one');
  });

  it('returns FAILURE when PayPal says so (a bad signature is still HTTP 200)', async () => {
    server.on(VERIFY, { status: 200, body: { verification_status: 'FAILURE' } });
    expect(await client().verifyWebhookSignature({ headers, webhookId: WEBHOOK_ID, rawBody })).toBe('FAILURE');
  });

  it('answers FAILURE without any request when a signature header is missing', async () => {
    const { 'Paypal-Transmission-Sig': _sig, ...unsigned } = headers;
    expect(await client().verifyWebhookSignature({ headers: unsigned, webhookId: WEBHOOK_ID, rawBody })).toBe('FAILURE');
    expect(await client().verifyWebhookSignature({ headers: {}, webhookId: WEBHOOK_ID, rawBody })).toBe('FAILURE');
    expect(server.requests).toHaveLength(0); // not even a token
  });

  it('answers FAILURE without any request for a body that is not one JSON object', async () => {
    for (const body of ['', 'not json', '[1,2]', '{"id":"WH-1"},"webhook_id":"ATTACKER"', '{"id":"WH-1"}}']) {
      expect(await client().verifyWebhookSignature({ headers, webhookId: WEBHOOK_ID, rawBody: body })).toBe('FAILURE');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('is not retried: PayPal delivers the event again when we fail', async () => {
    server.on(VERIFY, serverError, { status: 200, body: { verification_status: 'SUCCESS' } });
    expect((await failure(client().verifyWebhookSignature({ headers, webhookId: WEBHOOK_ID, rawBody }))).kind).toBe('unavailable');
    expect(server.hits(VERIFY)).toBe(1);
  });

  it('treats a verdict it cannot read as invalid_response, never as success', async () => {
    server.on(VERIFY, { status: 200, body: { verification_status: 'MAYBE' } });
    expect((await failure(client().verifyWebhookSignature({ headers, webhookId: WEBHOOK_ID, rawBody }))).kind).toBe('invalid_response');
  });
});
