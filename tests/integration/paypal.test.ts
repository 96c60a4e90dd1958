import { beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { PAYMENT_MESSAGES } from '../../src/contracts/payments';
import { PAYPAL_MESSAGES } from '../../src/contracts/paypal';
import { applyPayPalEventJob, reconcilePayPalJob } from '../../src/server/features/paypal/apply-paypal-event-ref';
import { resetPayPalCircuitBreakers, resetPayPalTokenCache } from '../../src/server/integrations/paypal/index';
import { startPayPalSim } from '../support/paypal-sim';
import { signUpAdmin, signUpUser, startTestApp, type TestClient } from '../support/test-app';
import { createPlanAs } from './plan-fixtures';

// DOMAIN.md "Payments" → PayPal; NOTES §8 (verify before granting, one credit per sale); QUALITY W1, W2.
const paypal = await startPayPalSim();
const testApp = await startTestApp({ jobs: true, env: { PAYPAL_API_URL: paypal.sim.url } });
const { app, jobs } = testApp;
const pool = testApp.database.pool;

// PayPal's webhooks need a real address: the same app, listening on a free port of 127.0.0.1.
await app.listen({ port: 0, host: '127.0.0.1' });
const webhookUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/webhooks/paypal`;

let admin: TestClient;
let webhookId: string;
let paypalPlanId: string;
let planId: string;

const put = (client: TestClient, url: string, body: unknown) => client.request('PUT', url, body);

async function configurePayPal(overrides: Record<string, unknown> = {}) {
  const response = await put(admin, '/api/admin/settings/paypal', {
    mode: 'sandbox',
    clientId: paypal.sim.clientId,
    clientSecret: paypal.sim.clientSecret,
    webhookId,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().settings;
}

/** Every stored event not yet applied, applied as the worker would (workers don't run in tests). */
async function applyStoredEvents(): Promise<string[]> {
  await paypal.control('GET', '/__sim/webhooks?settle=true');
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM webhook_events WHERE source = 'paypal' AND processed_at IS NULL ORDER BY id`);
  for (const row of rows) await jobs!.runNow(applyPayPalEventJob, { eventId: Number(row.id) });
  const outcomes = await pool.query<{ outcome: string }>(`SELECT outcome FROM webhook_events WHERE id = ANY($1::bigint[]) ORDER BY id`, [rows.map((r) => r.id)]);
  return outcomes.rows.map((r) => r.outcome);
}

async function me(client: TestClient) {
  return (await client.get('/api/me')).json();
}

/** A user subscribes: checkout → PayPal approval (as the buyer) → our return page posts back. */
async function subscribe(user: TestClient, plan = planId) {
  const checkout = await user.post('/api/payments/paypal/checkout', { planId: plan });
  expect(checkout.statusCode, checkout.body).toBe(200);
  const { subscriptionId, approveUrl } = checkout.json();
  expect(approveUrl).toContain(paypal.sim.url);
  const approved = await paypal.control('POST', `/__sim/subscriptions/${subscriptionId}/approve`, {});
  const back = new URL(approved.redirect);
  expect(back.searchParams.get('subscription_id')).toBe(subscriptionId);
  const ref = back.searchParams.get('ref')!;
  return { subscriptionId, ref };
}

async function ledgerCredits(userId: string): Promise<number[]> {
  const { rows } = await pool.query<{ days: number }>(`SELECT days FROM balance_transactions WHERE user_id = $1 AND type = 'user_credit' ORDER BY id`, [userId]);
  return rows.map((r) => r.days);
}

beforeAll(async () => {
  resetPayPalTokenCache();
  resetPayPalCircuitBreakers();
  admin = (await signUpAdmin(testApp)).client;
  webhookId = await paypal.registerWebhook(webhookUrl);
  paypalPlanId = await paypal.seedPlan({ name: 'Business monthly', price: '49.00' });
  planId = (await createPlanAs(admin, { name: 'Business', paypalPlanId, monthlyPriceMinor: 4900 }, 'published')).id;
});

describe('Admin → Settings → PayPal', () => {
  it('refuses bad input with field errors and keeps the secret to itself', async () => {
    const bad = await put(admin, '/api/admin/settings/paypal', { mode: 'test', clientId: '', webhookId: 'has space' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['clientId', 'mode', 'webhookId']);
    const noSecret = await put(admin, '/api/admin/settings/paypal', { mode: 'sandbox', clientId: 'abc', webhookId: '' });
    expect(noSecret.json().error.fields).toEqual({ clientSecret: 'Enter the client secret.' });

    const settings = await configurePayPal();
    expect(settings).toMatchObject({ mode: 'sandbox', clientId: paypal.sim.clientId, webhookId, status: 'unverified', apiUrl: paypal.sim.url });
    expect(settings.clientSecretLast4).toBe(paypal.sim.clientSecret.slice(-4));
    expect(JSON.stringify(settings)).not.toContain(paypal.sim.clientSecret);
    const { rows } = await pool.query(`SELECT client_secret_sealed FROM paypal_settings`);
    expect(rows[0].client_secret_sealed).not.toContain(paypal.sim.clientSecret);
    const audit = await pool.query(`SELECT meta FROM audit_log WHERE action = 'paypal.settings_update' ORDER BY created_at DESC LIMIT 1`);
    expect(JSON.stringify(audit.rows[0].meta)).not.toContain(paypal.sim.clientSecret);
  });

  it('tests the connection and checks every published plan id at PayPal', async () => {
    const broken = await createPlanAs(admin, { name: 'Broken PayPal id', paypalPlanId: 'P-DOESNOTEXIST00000000000' }, 'published');
    const result = (await admin.post('/api/admin/settings/paypal/test')).json();
    expect(result.ok).toBe(false);
    expect(result.settings.status).toBe('valid');
    expect(result.plans.find((p: { planId: string }) => p.planId === planId)).toMatchObject({ ok: true });
    const bad = result.plans.find((p: { planId: string }) => p.planId === broken.id);
    expect(bad.ok).toBe(false);
    expect(bad.detail).toContain('INVALID_RESOURCE_ID');
    await admin.post(`/api/admin/plans/${broken.id}/unpublish`);
  });

  it('shows PayPal\'s own words when it refuses the credentials, and marks them invalid', async () => {
    await configurePayPal({ clientSecret: 'wrong-secret-0000' });
    resetPayPalTokenCache();
    const result = (await admin.post('/api/admin/settings/paypal/test')).json();
    expect(result.ok).toBe(false);
    expect(result.message).toContain('invalid_client');
    expect(result.settings.status).toBe('invalid');
    // While invalid, customers get a plain answer instead of a PayPal error.
    const user = (await signUpUser(app)).client;
    const checkout = await user.post('/api/payments/paypal/checkout', { planId });
    expect(checkout.statusCode).toBe(503);
    expect(checkout.json().error.message).toBe(PAYPAL_MESSAGES.unavailable);
    await configurePayPal();
  });

  it('is for admins only', async () => {
    const user = (await signUpUser(app)).client;
    expect((await user.get('/api/admin/settings/paypal')).statusCode).toBe(403);
    expect((await user.post('/api/admin/settings/paypal/test')).statusCode).toBe(403);
  });
});

describe('Subscribe with PayPal', () => {
  it('activates the plan only after PayPal says ACTIVE, and credits one period once', async () => {
    const user = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(user.client);

    const back = await user.client.post('/api/payments/paypal/return', { ref, subscriptionId });
    expect(back.json()).toEqual({ outcome: 'activated', message: null });
    const profile = await me(user.client);
    expect(profile.subscription).toMatchObject({ planId, daysRemaining: 30 });
    expect(await ledgerCredits(user.id)).toEqual([30]);
    const notes = (await user.client.get('/api/notifications')).json();
    expect(notes.items[0].title).toBe(PAYMENT_MESSAGES.approvedTitle);

    // A reload of the return page, ACTIVATED and the first PAYMENT.SALE.COMPLETED: all the same payment.
    expect((await user.client.post('/api/payments/paypal/return', { ref, subscriptionId })).json().outcome).toBe('unchanged');
    const outcomes = await applyStoredEvents();
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    // CREATED is stored and ignored; ACTIVATED and the sale find the period already credited.
    expect(new Set(outcomes)).toEqual(new Set(['ignored', 'unchanged']));
    expect(await ledgerCredits(user.id)).toEqual([30]);

    const audit = await pool.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at`, [ref]);
    expect(audit.rows.map((r) => r.action)).toEqual(['payment.paypal_start', 'payment.paypal_activate']);
  });

  it('credits a renewal once per sale, however often and in whatever order PayPal delivers it', async () => {
    const user = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(user.client);
    await user.client.post('/api/payments/paypal/return', { ref, subscriptionId });
    await applyStoredEvents();

    await paypal.control('POST', '/__sim/webhooks/options', { duplicate: true });
    await paypal.control('POST', '/__sim/webhooks/hold');
    await paypal.control('POST', `/__sim/subscriptions/${subscriptionId}/renew`);
    await paypal.control('POST', `/__sim/subscriptions/${subscriptionId}/renew`);
    await paypal.control('POST', '/__sim/webhooks/release', { order: 'reverse' });
    await paypal.control('POST', '/__sim/webhooks/options', { duplicate: false });
    await applyStoredEvents();
    // The first event applied already sees both renewals at PayPal (fresh GET), so they may land as one credit.
    const sum = (days: number[]) => days.reduce((a, b) => a + b, 0);
    expect(sum(await ledgerCredits(user.id))).toBe(90);
    expect((await me(user.client)).subscription.daysRemaining).toBe(90);

    // Each event is stored once: PayPal's duplicate deliveries were acknowledged and dropped.
    const { rows } = await pool.query(`SELECT event_key, count(*)::int AS n FROM webhook_events WHERE subject_ref = $1 GROUP BY event_key`, [subscriptionId]);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const sales = await pool.query(`SELECT count(*)::int AS n FROM paypal_sales WHERE paypal_subscription_id = $1`, [subscriptionId]);
    expect(sales.rows[0].n).toBe(3);

    // Running an applied event's job again (pg-boss delivers at least once) changes nothing.
    const any = await pool.query(`SELECT id FROM webhook_events WHERE subject_ref = $1 LIMIT 1`, [subscriptionId]);
    await jobs!.runNow(applyPayPalEventJob, { eventId: Number(any.rows[0].id) });
    expect(sum(await ledgerCredits(user.id))).toBe(90);
    expect((await pool.query(`SELECT paypal_periods_credited AS n FROM subscriptions WHERE id = $1`, [ref])).rows[0].n).toBe(3);
  });

  it('refuses a subscription whose plan id does not match the plan, and grants nothing', async () => {
    const otherPayPalPlan = await paypal.seedPlan({ name: 'Something else' });
    const plan = await createPlanAs(admin, { name: 'Switched', paypalPlanId: otherPayPalPlan }, 'published');
    const user = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(user.client, plan.id);
    // The admin edits the plan's PayPal id after the checkout started: PayPal's answer no longer matches.
    await pool.query(`UPDATE plans SET paypal_plan_id = $1 WHERE id = $2`, [paypalPlanId, plan.id]);
    const back = (await user.client.post('/api/payments/paypal/return', { ref, subscriptionId })).json();
    expect(back).toEqual({ outcome: 'mismatch', message: PAYPAL_MESSAGES.mismatch });
    expect(await ledgerCredits(user.id)).toEqual([]);
    expect((await me(user.client)).subscription).toBeNull();
  });

  it('answers only the owner of a checkout', async () => {
    const owner = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(owner.client);
    const stranger = await signUpUser(app);
    expect((await stranger.client.post('/api/payments/paypal/return', { ref, subscriptionId })).json().outcome).toBe('unknown');
    expect(await ledgerCredits(stranger.id)).toEqual([]);
    expect(await ledgerCredits(owner.id)).toEqual([]);
  });

  it('closes a checkout the buyer cancelled on PayPal\'s page', async () => {
    const user = await signUpUser(app);
    const checkout = (await user.client.post('/api/payments/paypal/checkout', { planId })).json();
    const declined = await paypal.control('POST', `/__sim/subscriptions/${checkout.subscriptionId}/decline`, {});
    const ref = new URL(declined.redirect).searchParams.get('ref')!;
    expect((await user.client.post('/api/payments/paypal/cancel-checkout', { ref })).statusCode).toBe(200);
    const { rows } = await pool.query(`SELECT status, is_current FROM subscriptions WHERE id = $1`, [ref]);
    expect(rows[0]).toEqual({ status: 'canceled', is_current: false });
    expect((await user.client.get('/api/payments/paypal/subscriptions')).json().subscriptions).toEqual([]);
  });

  it('lets the user cancel renewals and keeps the days already paid', async () => {
    const user = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(user.client);
    await user.client.post('/api/payments/paypal/return', { ref, subscriptionId });
    const empty = await user.client.post(`/api/payments/paypal/subscriptions/${ref}/cancel`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    const cancelled = await user.client.post(`/api/payments/paypal/subscriptions/${ref}/cancel`, { reason: 'Moving to offline payments' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().subscriptions[0]).toMatchObject({ paypalStatus: 'CANCELLED', periodsCredited: 1 });
    expect((await me(user.client)).subscription.daysRemaining).toBe(30);
    // PayPal's CANCELLED webhook arrives too: nothing more happens.
    await applyStoredEvents();
    expect(await ledgerCredits(user.id)).toEqual([30]);
  });

  it('refuses plans that cannot be paid with PayPal', async () => {
    const offlineOnly = await createPlanAs(admin, { name: 'No PayPal id' }, 'published');
    const user = (await signUpUser(app)).client;
    const response = await user.post('/api/payments/paypal/checkout', { planId: offlineOnly.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(PAYPAL_MESSAGES.notPayPalPlan);
    expect((await user.post('/api/payments/paypal/checkout', { planId: 'nope' })).statusCode).toBe(404);
  });
});

describe('Admin → Payments → PayPal', () => {
  it('lists every PayPal subscription with its owner and checks one with PayPal on demand', async () => {
    const user = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(user.client);
    const listed = (await admin.get('/api/admin/payments/paypal?pageSize=100')).json();
    const row = listed.items.find((item: { id: string }) => item.id === ref);
    expect(row).toMatchObject({ paypalSubscriptionId: subscriptionId, paypalStatus: 'APPROVAL_PENDING', periodsCredited: 0, user: { id: user.id } });
    // The buyer approved but never came back, and no webhook arrived: the admin asks PayPal.
    const synced = await admin.post(`/api/admin/payments/paypal/${ref}/sync`);
    expect(synced.json()).toMatchObject({ outcome: 'activated', subscription: { paypalStatus: 'ACTIVE', periodsCredited: 1 } });
    expect(await ledgerCredits(user.id)).toEqual([30]);
    const audit = await pool.query(`SELECT actor_id FROM audit_log WHERE action = 'payment.paypal_activate' AND target_id = $1`, [ref]);
    expect(audit.rows[0].actor_id).not.toBeNull();
    expect((await user.client.get('/api/admin/payments/paypal')).statusCode).toBe(403);
  });
});

describe('when PayPal fails', () => {
  it('shows PayPal\'s error text at checkout and leaves no pending subscription behind', async () => {
    const user = await signUpUser(app);
    await paypal.control('POST', '/__sim/faults', { method: 'POST', path: '/v1/billing/subscriptions', status: 422, name: 'UNPROCESSABLE_ENTITY', issue: 'PLAN_STATUS_INVALID', times: 1 });
    const refused = await user.client.post('/api/payments/paypal/checkout', { planId });
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.message).toContain('PLAN_STATUS_INVALID');
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM subscriptions WHERE user_id = $1`, [user.id]);
    expect(rows[0].n).toBe(0);
  });

  it('keeps the return page honest when PayPal is down, and activates later from the reconcile', async () => {
    const user = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(user.client);
    await paypal.control('POST', '/__sim/faults', { method: 'GET', path: `/v1/billing/subscriptions/${subscriptionId}`, status: 503, times: 3 });
    const back = (await user.client.post('/api/payments/paypal/return', { ref, subscriptionId })).json();
    expect(back.outcome).toBe('error');
    expect(back.message).toContain(PAYPAL_MESSAGES.notActive);
    expect(await ledgerCredits(user.id)).toEqual([]);
    resetPayPalCircuitBreakers();
    await jobs!.runNow(reconcilePayPalJob, {});
    expect(await ledgerCredits(user.id)).toEqual([30]);
  });

  it('answers a webhook with 503 while PayPal cannot verify it, so PayPal sends it again', async () => {
    await paypal.control('POST', '/__sim/faults', { path: '/v1/notifications/verify-webhook-signature', status: 500, times: 10 });
    const user = await signUpUser(app);
    await subscribe(user.client);
    await paypal.control('GET', '/__sim/webhooks?settle=true');
    await paypal.control('DELETE', '/__sim/faults');
    const log = (await paypal.control('GET', '/__sim/webhooks')).deliveries as { attempts: { status: number | null }[] }[];
    expect(log.some((d) => d.attempts.some((a) => a.status === 503 || a.status === 502))).toBe(true);
    resetPayPalCircuitBreakers();
  });
});

describe('PayPal webhooks', () => {
  it('refuses an event whose signature PayPal does not confirm, storing nothing', async () => {
    const before = await pool.query(`SELECT count(*)::int AS n FROM webhook_events`);
    const forged = await paypal.control('POST', '/__sim/webhooks/forge', { event_type: 'BILLING.SUBSCRIPTION.CANCELLED' });
    await paypal.control('GET', '/__sim/webhooks?settle=true');
    expect(forged.deliveries.length).toBeGreaterThan(0);
    const log = (await paypal.control('GET', '/__sim/webhooks')).deliveries as { event_id: string; attempts: { status: number | null }[] }[];
    const mine = log.filter((d) => forged.deliveries.some((f: { event_id: string }) => f.event_id === d.event_id));
    expect(mine.flatMap((d) => d.attempts.map((a) => a.status))).toContain(400);
    const after = await pool.query(`SELECT count(*)::int AS n FROM webhook_events`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses a body that is not a PayPal event', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/webhooks/paypal', headers: { 'content-type': 'application/json' }, payload: '{"hello":1}' });
    expect(response.statusCode).toBe(400);
  });
});

describe('daily reconcile', () => {
  it('catches a renewal whose webhook never arrived', async () => {
    const user = await signUpUser(app);
    const { subscriptionId, ref } = await subscribe(user.client);
    await user.client.post('/api/payments/paypal/return', { ref, subscriptionId });
    await applyStoredEvents();
    // PayPal loses the webhook: the webhook is removed at PayPal before the renewal.
    await paypal.rest('DELETE', `/v1/notifications/webhooks/${webhookId}`);
    await paypal.control('POST', `/__sim/subscriptions/${subscriptionId}/renew`);
    await jobs!.runNow(reconcilePayPalJob, {});
    expect(await ledgerCredits(user.id)).toEqual([30, 30]);
    await jobs!.runNow(reconcilePayPalJob, {});
    expect(await ledgerCredits(user.id)).toEqual([30, 30]);
    webhookId = await paypal.registerWebhook(webhookUrl);
    await configurePayPal();
  });
});
