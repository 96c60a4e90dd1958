import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CANCEL_URL, RETURN_URL, startScenario, type Scenario } from './test-support/scenario';

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
});
afterAll(() => s.sim.close());
beforeEach(() => s.reset());
afterEach(async () => expect(await s.specProblems()).toEqual([]));

const get = (id: string, query = '') => s.client.api('GET', `/v1/billing/subscriptions/${id}${query}`);
const post = (id: string, action: string, body?: unknown) => s.client.api('POST', `/v1/billing/subscriptions/${id}/${action}`, body);
const linkOf = (resource: { links: { rel: string; href: string }[] }, rel: string) => resource.links.find((link) => link.rel === rel)?.href;
const pathOf = (href: string) => href.replace(s.sim.url, '');

describe('creating a subscription', () => {
  it('answers 201 APPROVAL_PENDING with approve, edit and self links; minimal unless asked otherwise', async () => {
    const plan = await s.seedPlan();
    const created = await s.client.api('POST', '/v1/billing/subscriptions', {
      plan_id: plan.id,
      custom_id: 'user-42',
      application_context: { return_url: RETURN_URL, cancel_url: CANCEL_URL },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['create_time', 'id', 'links', 'status']);
    expect(created.body.id).toMatch(/^I-[A-Z0-9]{12}$/);
    expect(created.body.status).toBe('APPROVAL_PENDING');
    expect(created.body.links.map((link: { rel: string }) => link.rel)).toEqual(['approve', 'edit', 'self']);
    expect(linkOf(created.body, 'approve')).toMatch(new RegExp(`^${s.sim.url}/webapps/billing/subscriptions\\?ba_token=BA-[A-Z0-9]{17}$`));

    const full = (await get(created.body.id)).body;
    expect(full).toMatchObject({ id: created.body.id, plan_id: plan.id, custom_id: 'user-42', status: 'APPROVAL_PENDING', plan_overridden: false });
    expect(full).not.toHaveProperty('billing_info');
  });

  it('returns the whole resource with Prefer: return=representation', async () => {
    const plan = await s.seedPlan();
    const created = await s.createSubscription(plan.id);
    expect(created.body).toMatchObject({ plan_id: plan.id, custom_id: 'user-42', start_time: expect.any(String), status_update_time: expect.any(String) });
  });

  it('refuses a plan that is not ACTIVE with 422 PLAN_STATUS_INVALID, and an unknown plan with 404', async () => {
    const plan = await s.seedPlan({ status: 'INACTIVE' });
    const refused = await s.createSubscription(plan.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ name: 'UNPROCESSABLE_ENTITY', details: [{ issue: 'PLAN_STATUS_INVALID', field: '/plan_id' }] });
    const unknown = await s.createSubscription('P-DOESNOTEXIST0000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.details[0].issue).toBe('INVALID_RESOURCE_ID');
  });

  it('replays a PayPal-Request-Id with 200 and the same subscription', async () => {
    const plan = await s.seedPlan();
    const first = await s.createSubscription(plan.id, {}, { 'paypal-request-id': 'req-1' });
    const again = await s.createSubscription(plan.id, {}, { 'paypal-request-id': 'req-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await s.createSubscription(plan.id, {}, { 'paypal-request-id': 'req-2' });
    expect(other.body.id).not.toBe(first.body.id);
    expect((await s.state()).subscriptions).toHaveLength(2);
  });

  it('validates the body against the spec: 400 INVALID_REQUEST with a detail per bad field', async () => {
    const plan = await s.seedPlan();
    const missing = await s.client.api('POST', '/v1/billing/subscriptions', { custom_id: 'x', application_context: { return_url: RETURN_URL } });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ name: 'INVALID_REQUEST', message: 'Request is not well-formed, syntactically incorrect, or violates schema.' });
    expect(missing.body.details).toEqual(
      expect.arrayContaining([
        { field: '/plan_id', location: 'body', issue: 'MISSING_REQUIRED_PARAMETER', description: 'A required field is missing.' },
        expect.objectContaining({ field: '/application_context/cancel_url', issue: 'MISSING_REQUIRED_PARAMETER' }),
      ]),
    );
    const accented = await s.createSubscription(plan.id, { custom_id: 'usér-1' });
    expect(accented.body.details).toEqual([expect.objectContaining({ field: '/custom_id', value: 'usér-1', issue: 'INVALID_PARAMETER_SYNTAX' })]);
    const tooLong = await s.createSubscription(plan.id, { custom_id: 'x'.repeat(128) });
    expect(tooLong.body.details).toEqual([expect.objectContaining({ field: '/custom_id', issue: 'INVALID_STRING_MAX_LENGTH' })]);
    expect((await s.createSubscription(plan.id, { custom_id: 'x'.repeat(127) })).status).toBe(201);
    const badJson = await s.client.call('POST', '/v1/billing/subscriptions', { token: await s.client.token(), rawBody: '{"plan_id":' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.details[0].issue).toBe('MALFORMED_REQUEST_JSON');
  });

  it('refuses a start_time in the past and quantity on a plan without quantity', async () => {
    const plan = await s.seedPlan();
    const past = await s.createSubscription(plan.id, { start_time: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.details[0]).toMatchObject({ field: '/start_time', issue: 'INVALID_PARAMETER_VALUE', description: 'Start time must be a valid future date and time.' });
    const quantity = await s.createSubscription(plan.id, { quantity: '2' });
    expect(quantity.status).toBe(422);
    expect(quantity.body.details[0].issue).toBe('SUBSCRIPTION_CANNOT_HAVE_QUANTITY');
  });

  it('answers 404 INVALID_RESOURCE_ID for an unknown subscription', async () => {
    const unknown = await get('I-UNKNOWN00000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ name: 'RESOURCE_NOT_FOUND', details: [{ issue: 'INVALID_RESOURCE_ID' }] });
  });
});

describe('the approval page', () => {
  async function pending(extra: Record<string, unknown> = {}) {
    const plan = await s.seedPlan({ name: 'Pro <monthly>' });
    const created = await s.createSubscription(plan.id, extra);
    const approve = linkOf(created.body, 'approve')!;
    return { id: created.body.id as string, planId: plan.id, baToken: new URL(approve).searchParams.get('ba_token')!, pagePath: pathOf(approve) };
  }

  it('shows the plan, its price and two buttons that post plain forms', async () => {
    const { pagePath, baToken } = await pending();
    const page = await s.client.call('GET', pagePath);
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.text).toContain('PayPal Sandbox (simulator)');
    expect(page.text).toContain('Pro &lt;monthly&gt;');
    expect(page.text).toContain('USD 10.00 / month');
    expect(page.text).toContain('Approve &amp; subscribe');
    expect(page.text).toContain('Cancel and return');
    expect(page.text).toContain('action="/webapps/billing/subscriptions/approve"');
    expect(page.text).toContain(`value="${baToken}"`);
  });

  it('approving redirects to return_url with subscription_id, ba_token and token; the subscription is ACTIVE and billed', async () => {
    const { id, baToken, planId } = await pending();
    const approved = await s.client.call('POST', '/webapps/billing/subscriptions/approve', { form: { ba_token: baToken } });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(RETURN_URL);
    expect(location.searchParams.get('subscription_id')).toBe(id);
    expect(location.searchParams.get('ba_token')).toBe(baToken);
    expect(location.searchParams.get('token')).toMatch(/^[A-Z0-9]{17}$/);

    const subscription = (await get(id)).body;
    expect(subscription).toMatchObject({ status: 'ACTIVE', plan_id: planId, custom_id: 'user-42' });
    expect(subscription.subscriber).toMatchObject({ payer_id: expect.stringMatching(/^[2-9A-HJ-NP-Z]{13}$/), email_address: expect.any(String) });
    const billing = subscription.billing_info;
    expect(billing).toMatchObject({
      outstanding_balance: { currency_code: 'USD', value: '0.00' },
      cycle_executions: [{ tenure_type: 'REGULAR', sequence: 1, cycles_completed: 1, cycles_remaining: 0, total_cycles: 0 }],
      last_payment: { amount: { currency_code: 'USD', value: '10.00' } },
      failed_payments_count: 0,
    });
    const paid = new Date(billing.last_payment.time);
    const next = new Date(billing.next_billing_time);
    expect(next.getUTCMonth()).toBe((paid.getUTCMonth() + 1) % 12);
    expect(subscription.links.map((link: { rel: string }) => link.rel)).toEqual(['cancel', 'edit', 'self', 'suspend', 'capture']);
  });

  it('cancelling sends the buyer to cancel_url and leaves the subscription APPROVAL_PENDING', async () => {
    const { id, baToken, pagePath } = await pending();
    const cancelled = await s.client.call('POST', '/webapps/billing/subscriptions/cancel', { form: { ba_token: baToken } });
    expect(cancelled.status).toBe(302);
    const location = new URL(cancelled.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CANCEL_URL);
    expect(location.searchParams.get('ba_token')).toBe(baToken);
    expect(location.searchParams.get('token')).toBeTruthy();
    expect((await get(id)).body.status).toBe('APPROVAL_PENDING');
    expect((await s.client.call('GET', pagePath)).status).toBe(200);
  });

  it('answers an unknown token with a 404 page, and a second approval with 409', async () => {
    const missing = await s.client.call('GET', '/webapps/billing/subscriptions?ba_token=BA-NOPE');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toMatch(/^text\/html/);
    const { baToken } = await pending();
    expect((await s.client.call('POST', '/webapps/billing/subscriptions/approve', { form: { ba_token: baToken } })).status).toBe(302);
    expect((await s.client.call('POST', '/webapps/billing/subscriptions/approve', { form: { ba_token: baToken } })).status).toBe(409);
  });

  it('with user_action CONTINUE, approval leaves it APPROVED until the merchant activates it', async () => {
    const { id } = await pending({ application_context: { return_url: RETURN_URL, cancel_url: CANCEL_URL, user_action: 'CONTINUE' } });
    const approved = await s.client.control('POST', `/__sim/subscriptions/${id}/approve`);
    expect(approved.body.redirect).toContain(`subscription_id=${id}`);
    const subscription = (await get(id)).body;
    expect(subscription.status).toBe('APPROVED');
    expect(subscription).not.toHaveProperty('billing_info');
    expect(linkOf(subscription, 'activate')).toBe(`${s.sim.url}/v1/billing/subscriptions/${id}/activate`);
    expect((await post(id, 'activate', {})).status).toBe(204);
    expect((await get(id)).body).toMatchObject({ status: 'ACTIVE', billing_info: { cycle_executions: [{ cycles_completed: 1 }] } });
  });

  it('does not charge before a future start_time', async () => {
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const { id } = await pending({ start_time: start });
    await s.client.control('POST', `/__sim/subscriptions/${id}/approve`);
    const billing = (await get(id)).body.billing_info;
    expect(billing.next_billing_time).toBe(start);
    expect(billing.cycle_executions[0].cycles_completed).toBe(0);
    expect(billing).not.toHaveProperty('last_payment');
  });
});

describe('cancel, suspend and activate', () => {
  it('cancels ACTIVE or SUSPENDED subscriptions only, with 422 SUBSCRIPTION_STATUS_INVALID otherwise', async () => {
    const plan = await s.seedPlan();
    const pendingOne = (await s.createSubscription(plan.id)).body;
    const refused = await post(pendingOne.id, 'cancel', { reason: 'changed my mind' });
    expect(refused.status).toBe(422);
    expect(refused.body.details[0]).toEqual({
      issue: 'SUBSCRIPTION_STATUS_INVALID',
      description: 'Invalid subscription status for cancel action; subscription status should be active or suspended.',
    });

    const active = await s.activeSubscription();
    const cancelled = await post(active.id, 'cancel', { reason: 'Not needed any more' });
    expect(cancelled.status).toBe(204);
    expect(cancelled.text).toBe('');
    const after = (await get(active.id)).body;
    expect(after).toMatchObject({ status: 'CANCELLED', status_change_note: 'Not needed any more' });
    expect(after.links.map((link: { rel: string }) => link.rel)).toEqual(['self']);
    expect(after.billing_info).not.toHaveProperty('next_billing_time');
    expect((await post(active.id, 'cancel', { reason: 'again' })).status).toBe(422);
  });

  it('requires a reason of 1–128 characters to cancel or suspend', async () => {
    const active = await s.activeSubscription();
    const missing = await post(active.id, 'cancel', {});
    expect(missing.status).toBe(400);
    expect(missing.body.details[0]).toMatchObject({ field: '/reason', issue: 'MISSING_REQUIRED_PARAMETER' });
    expect((await post(active.id, 'cancel')).body.details[0].issue).toBe('MISSING_REQUEST_BODY');
    expect((await post(active.id, 'suspend', { reason: 'x'.repeat(129) })).body.details[0].issue).toBe('INVALID_STRING_MAX_LENGTH');
  });

  it('suspends an ACTIVE subscription and activates it again; cancels a SUSPENDED one', async () => {
    const active = await s.activeSubscription();
    expect((await post(active.id, 'activate', {})).status).toBe(422);
    expect((await post(active.id, 'suspend', { reason: 'Paused by the customer' })).status).toBe(204);
    expect((await get(active.id)).body).toMatchObject({ status: 'SUSPENDED', status_change_note: 'Paused by the customer' });
    expect((await post(active.id, 'suspend', { reason: 'again' })).body.details[0].description).toBe(
      'Invalid subscription status for suspend action; subscription status should be active.',
    );
    expect((await post(active.id, 'activate', { reason: 'Back' })).status).toBe(204);
    expect((await get(active.id)).body.status).toBe('ACTIVE');
    await post(active.id, 'suspend', { reason: 'Paused' });
    expect((await post(active.id, 'cancel', { reason: 'Bye' })).status).toBe(204);
    expect((await get(active.id)).body.status).toBe('CANCELLED');
  });

  it('lets the buyer cancel from their PayPal account', async () => {
    const active = await s.activeSubscription();
    await s.client.control('POST', `/__sim/subscriptions/${active.id}/buyer-cancel`);
    expect((await get(active.id)).body).toMatchObject({ status: 'CANCELLED', status_change_note: 'Cancelled by the buyer in their PayPal account' });
  });

  it('adds the plan with ?fields=plan', async () => {
    const active = await s.activeSubscription({ name: 'Team' });
    expect((await get(active.id, '?fields=plan')).body.plan).toMatchObject({ id: active.plan_id, name: 'Team', status: 'ACTIVE' });
  });
});
