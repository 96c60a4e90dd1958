import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATED_HANDLERS } from './server';
import { startScenario, type Scenario } from './test-support/scenario';

// Every simulated operation on its success path and its main errors, plus injected faults. Every response is checked
// against the official documents by the client and by the simulator itself; the last test requires both to be clean
// and every simulated operation to have answered 2xx at least once.
let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.sim.close());
beforeEach(async () => {
  await s.client.control('DELETE', '/__sim/faults');
});

const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => s.client.api(method, path, body, headers);
const PLAN_REQUEST = {
  product_id: 'PROD-SIMULATED0001',
  name: 'Video Streaming Service Plan',
  description: 'Basic plan',
  billing_cycles: [
    { frequency: { interval_unit: 'MONTH', interval_count: 1 }, tenure_type: 'TRIAL', sequence: 1, total_cycles: 2, pricing_scheme: { fixed_price: { value: '3', currency_code: 'USD' } } },
    { frequency: { interval_unit: 'MONTH', interval_count: 1 }, tenure_type: 'REGULAR', sequence: 2, total_cycles: 12, pricing_scheme: { fixed_price: { value: '10', currency_code: 'USD' } } },
  ],
  payment_preferences: { auto_bill_outstanding: true, payment_failure_threshold: 3 },
  taxes: { percentage: '10', inclusive: false },
};

describe('catalog products and plans', () => {
  it('creates a product, then a plan from the spec’s own example, minimal by default', async () => {
    const product = await api('POST', '/v1/catalogs/products', { id: 'PROD-SIMULATED0001', name: 'Video Streaming Service', type: 'SERVICE' });
    expect(product.status).toBe(201);
    expect((await api('GET', '/v1/catalogs/products/PROD-SIMULATED0001')).body.name).toBe('Video Streaming Service');
    expect((await api('POST', '/v1/catalogs/products', { name: 'No type' })).status).toBe(400);
    expect((await api('GET', '/v1/catalogs/products/PROD-NOPE00')).status).toBe(404);

    const plan = await api('POST', '/v1/billing/plans', PLAN_REQUEST);
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ id: expect.stringMatching(/^P-[A-Z0-9]{24}$/), status: 'ACTIVE', usage_type: 'LICENSED' });
    expect(plan.body).not.toHaveProperty('billing_cycles');
    const full = await api('GET', `/v1/billing/plans/${plan.body.id}`);
    expect(full.body).toMatchObject({
      billing_cycles: [{ tenure_type: 'TRIAL', pricing_scheme: { version: 1 } }, { tenure_type: 'REGULAR', total_cycles: 12 }],
      payment_preferences: { auto_bill_outstanding: true, setup_fee_failure_action: 'CANCEL', payment_failure_threshold: 3 },
      taxes: { percentage: '10', inclusive: false },
    });
    const represented = await api('POST', '/v1/billing/plans', { ...PLAN_REQUEST, status: 'CREATED' }, { prefer: 'return=representation' });
    expect(represented.body.billing_cycles).toHaveLength(2);
  });

  it('replays a plan creation with the same PayPal-Request-Id', async () => {
    const first = await api('POST', '/v1/billing/plans', PLAN_REQUEST, { 'paypal-request-id': 'plan-req-1' });
    const again = await api('POST', '/v1/billing/plans', PLAN_REQUEST, { 'paypal-request-id': 'plan-req-1' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
  });

  it('lists plans with filters and paging', async () => {
    const listed = await api('GET', '/v1/billing/plans?product_id=PROD-SIMULATED0001&page_size=2&total_required=true');
    expect(listed.status).toBe(200);
    expect(listed.body.plans).toHaveLength(2);
    expect(listed.body.total_items).toBeGreaterThanOrEqual(3);
    expect((await api('GET', '/v1/billing/plans?page_size=21')).status).toBe(400);
  });

  it('deactivates and activates plans, refusing the wrong starting status with 422 PLAN_STATUS_INVALID', async () => {
    const { id } = (await api('POST', '/v1/billing/plans', PLAN_REQUEST)).body;
    expect((await api('POST', `/v1/billing/plans/${id}/activate`)).body.details[0]).toMatchObject({
      issue: 'PLAN_STATUS_INVALID',
      description: 'Invalid plan status for activate action; plan status should be either created or inactive.',
    });
    expect((await api('POST', `/v1/billing/plans/${id}/deactivate`)).status).toBe(204);
    expect((await api('GET', `/v1/billing/plans/${id}`)).body.status).toBe('INACTIVE');
    expect((await api('POST', `/v1/billing/plans/${id}/deactivate`)).body.details[0].description).toBe('Invalid plan status for deactivate action; plan status should be active.');
    expect((await api('POST', `/v1/billing/plans/${id}/activate`)).status).toBe(204);
    expect((await api('POST', '/v1/billing/plans/P-UNKNOWN/activate')).status).toBe(404);
  });

  it('applies the billing-cycle rules the schema cannot express', async () => {
    const cycles = (list: unknown[]) => api('POST', '/v1/billing/plans', { ...PLAN_REQUEST, billing_cycles: list });
    const regular = PLAN_REQUEST.billing_cycles[1]!;
    const trial = PLAN_REQUEST.billing_cycles[0]!;
    expect((await cycles([trial])).body.details[0].issue).toBe('MISSING_REGULAR_BILLING_CYCLE');
    expect((await cycles([{ ...regular, sequence: 1 }, regular])).body.details[0].issue).toBe('MULTIPLE_REGULAR_BILLING_CYCLES_NOT_SUPPORTED');
    expect((await cycles([{ ...regular, sequence: 1 }, { ...trial, sequence: 2 }])).body.details[0].description).toBe('Trial Billing cycle should precede regular billing cycle.');
    expect((await cycles([{ ...regular, sequence: 3 }])).body.details[0].issue).toBe('INVALID_BILLING_CYCLE_SEQUENCE');
    const daily = await cycles([{ ...regular, sequence: 1, frequency: { interval_unit: 'YEAR', interval_count: 2 } }]);
    expect(daily.status).toBe(400);
    expect(daily.body.details[0].field).toBe('/billing_cycles/0/frequency/interval_count');
    expect((await api('POST', '/v1/billing/plans', { name: 'x' })).status).toBe(400);
  });
});

describe('every other simulated operation, once', () => {
  it('creates, reads, suspends, activates, captures, lists transactions of and cancels a subscription', async () => {
    const subscription = await s.activeSubscription();
    const path = `/v1/billing/subscriptions/${subscription.id}`;
    expect((await api('POST', `${path}/suspend`, { reason: 'x' })).status).toBe(204);
    expect((await api('POST', `${path}/activate`, {})).status).toBe(204);
    await s.client.control('POST', `/__sim/subscriptions/${subscription.id}/fail-payment`);
    const captured = await api('POST', `${path}/capture`, { note: 'x', capture_type: 'OUTSTANDING_BALANCE', amount: { currency_code: 'USD', value: '10.00' } }, { 'paypal-request-id': 'cap-1' });
    expect(captured.status).toBe(200);
    const replayed = await api('POST', `${path}/capture`, { note: 'x', capture_type: 'OUTSTANDING_BALANCE', amount: { currency_code: 'USD', value: '10.00' } }, { 'paypal-request-id': 'cap-1' });
    expect(replayed.body.id).toBe(captured.body.id);
    expect((await api('POST', `${path}/capture`, { note: 'x', capture_type: 'OUTSTANDING_BALANCE', amount: { currency_code: 'EUR', value: '1.00' } })).body.details[0].issue).toBe(
      'CURRENCY_MISMATCH',
    );
    expect((await api('GET', `${path}/transactions?start_time=2000-01-01T00:00:00Z&end_time=2100-01-01T00:00:00Z`)).body.transactions).toHaveLength(2);
    expect((await api('POST', `${path}/cancel`, { reason: 'done' })).status).toBe(204);
  });

  it('manages webhooks and verifies signatures', async () => {
    const created = await api('POST', '/v1/notifications/webhooks', { url: 'https://app.example.com/paypal', event_types: [{ name: '*' }] });
    expect((await api('GET', '/v1/notifications/webhooks')).status).toBe(200);
    expect((await api('GET', `/v1/notifications/webhooks/${created.body.id}`)).status).toBe(200);
    const verdict = await api('POST', '/v1/notifications/verify-webhook-signature', {
      auth_algo: 'SHA256withRSA',
      cert_url: `${s.sim.url}/v1/notifications/certs/CERT-sim`,
      transmission_id: '69cd13f0-d67a-11e5-baa3-778b53f4ae55',
      transmission_sig: '+lmI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9bCHSRxbrd8A9zrhdu2rMyFrmz==',
      transmission_time: '2016-02-18T20:01:35Z',
      webhook_id: created.body.id,
      webhook_event: { id: 'WH-1', event_type: 'PAYMENT.SALE.COMPLETED', resource: {} },
    });
    expect(verdict.body).toEqual({ verification_status: 'FAILURE' });
    expect((await api('DELETE', `/v1/notifications/webhooks/${created.body.id}`)).status).toBe(204);
    const cert = await s.client.call('GET', '/v1/notifications/certs/CERT-sim');
    expect(cert.text).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await s.client.call('GET', '/v1/notifications/certs/CERT-other')).status).toBe(404);
  });
});

describe('paths and methods', () => {
  it('answers 501 for official operations it does not simulate, 405 for a wrong method, 404 elsewhere', async () => {
    const patch = await api('PATCH', '/v1/billing/plans/P-ANY', [{ op: 'replace', path: '/name', value: 'x' }]);
    expect(patch.status).toBe(501);
    expect(patch.body.details[0].issue).toBe('NOT_SIMULATED');
    expect((await api('DELETE', '/v1/billing/subscriptions')).status).toBe(405);
    expect((await api('GET', '/v1/nothing/here')).status).toBe(404);
    expect((await s.client.call('GET', '/nowhere')).body.name).toBe('RESOURCE_NOT_FOUND');
  });

  it('refuses a non-JSON body with 415', async () => {
    const form = await s.client.call('POST', '/v1/billing/subscriptions', { token: await s.client.token(), rawBody: 'plan_id=P-1', contentType: 'text/plain' });
    expect(form.status).toBe(415);
    expect(form.body.name).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('injected faults', () => {
  it.each([
    [401, 'AUTHENTICATION_FAILURE'],
    [404, 'RESOURCE_NOT_FOUND'],
    [429, 'RATE_LIMIT_REACHED'],
    [500, 'INTERNAL_SERVER_ERROR'],
    [503, 'SERVICE_UNAVAILABLE'],
  ])('answers %i %s in PayPal’s shape, for `times` requests', async (status, name) => {
    const plan = await s.seedPlan();
    await s.client.control('POST', '/__sim/faults', { method: 'GET', path: '/v1/billing/plans/:id', status, times: 1 });
    const failed = await api('GET', `/v1/billing/plans/${plan.id}`);
    expect(failed.status).toBe(status);
    expect(failed.body).toMatchObject({ name, debug_id: expect.any(String) });
    expect((await api('GET', `/v1/billing/plans/${plan.id}`)).status).toBe(200);
  });

  it('answers 422 with the issue asked for', async () => {
    const plan = await s.seedPlan();
    await s.client.control('POST', '/__sim/faults', { path: '/v1/billing/subscriptions', status: 422, issue: 'USER_ACCOUNT_CLOSED' });
    const refused = await s.createSubscription(plan.id);
    expect(refused.body).toMatchObject({ name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'USER_ACCOUNT_CLOSED' }] });
  });

  it('never answers with timeout: true, until the faults are cleared', async () => {
    await s.client.control('POST', '/__sim/faults', { path: '/v1/billing/subscriptions/*', timeout: true });
    await expect(s.client.call('GET', '/v1/billing/subscriptions/I-ANY', { token: await s.client.token(), timeoutMs: 300 })).rejects.toThrow();
    expect((await s.client.control('GET', '/__sim/faults')).body.faults).toHaveLength(1);
    await s.client.control('DELETE', '/__sim/faults');
    expect((await api('GET', '/v1/billing/subscriptions/I-ANY')).status).toBe(404);
  });

  it('refuses a fault without status or timeout', async () => {
    expect((await s.client.control('POST', '/__sim/faults', { path: '/v1/x' })).status).toBe(400);
  });
});

describe('coverage', () => {
  // Runs last (tests in a file run in order): everything above must have touched every simulated operation.
  it('exercised every simulated operation successfully, and every response matched the official spec', async () => {
    const answered = s.client.operationsAnswered(2);
    expect(Object.keys(SIMULATED_HANDLERS).filter((key) => !answered.has(key))).toEqual([]);
    expect(await s.specProblems()).toEqual([]);
  });
});
