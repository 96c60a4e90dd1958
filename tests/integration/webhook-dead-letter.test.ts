import { beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_EVENT_MESSAGES } from '../../src/contracts/webhook-events';
import { buildJobs } from '../../src/server/job-registry';
import { applyChannelEventJob } from '../../src/server/features/channels/channel-jobs-refs';
import { applyPayPalEventJob } from '../../src/server/features/paypal/apply-paypal-event-ref';
import { webhookDeadLetterJob, WEBHOOK_APPLY_RETRY } from '../../src/server/features/webhook-events/webhook-dead-letter-ref';
import { resetPayPalCircuitBreakers, resetPayPalTokenCache } from '../../src/server/integrations/paypal/index';
import { startJobRunner } from '../../src/server/jobs/job-runner';
import { startPayPalSim } from '../support/paypal-sim';
import { signUpAdmin, signUpUser, startTestApp, TestClient } from '../support/test-app';
import { createPlanAs } from './plan-fixtures';

// QUALITY W4: a webhook job failing repeatedly → capped backoff with jitter, then dead-lettered and visible to the
// admin; replay works once. The failing apply is a real one: PayPal refuses to show the subscription.
const paypal = await startPayPalSim();
const testApp = await startTestApp({ jobs: true, env: { PAYPAL_API_URL: paypal.sim.url } });
const { app, jobs } = testApp;
const pool = testApp.database.pool;
await app.listen({ port: 0, host: '127.0.0.1' });
const webhookUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/webhooks/paypal`;

let admin: TestClient;
let planId: string;

beforeAll(async () => {
  resetPayPalTokenCache();
  resetPayPalCircuitBreakers();
  admin = (await signUpAdmin(testApp)).client;
  const webhookId = await paypal.registerWebhook(webhookUrl);
  const paypalPlanId = await paypal.seedPlan({ name: 'Dead letter monthly', price: '19.00' });
  planId = (await createPlanAs(admin, { name: 'Dead letter', paypalPlanId }, 'published')).id;
  const settings = await admin.request('PUT', '/api/admin/settings/paypal', {
    mode: 'sandbox',
    clientId: paypal.sim.clientId,
    clientSecret: paypal.sim.clientSecret,
    webhookId,
  });
  expect(settings.statusCode, settings.body).toBe(200);
});

/** A user approves a subscription at PayPal; PayPal's ACTIVATED event for it is stored, not yet applied. */
async function storedActivation() {
  const user = await signUpUser(app);
  const checkout = await user.client.post('/api/payments/paypal/checkout', { planId });
  expect(checkout.statusCode, checkout.body).toBe(200);
  const { subscriptionId } = checkout.json();
  await paypal.control('POST', `/__sim/subscriptions/${subscriptionId}/approve`, {});
  await paypal.control('GET', '/__sim/webhooks?settle=true');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO webhook_events (source, event_key, event_type, subject_ref, payload)
     VALUES ('paypal', $1, 'BILLING.SUBSCRIPTION.ACTIVATED', $2, $3) RETURNING id`,
    [`WH-DL-${subscriptionId}`, subscriptionId, { event_type: 'BILLING.SUBSCRIPTION.ACTIVATED', resource: { id: subscriptionId } }],
  );
  return { user, subscriptionId, eventId: Number(rows[0]!.id) };
}

async function refuseSubscription(subscriptionId: string, times: number) {
  await paypal.control('POST', '/__sim/faults', {
    method: 'GET',
    path: `/v1/billing/subscriptions/${subscriptionId}`,
    status: 422,
    name: 'UNPROCESSABLE_ENTITY',
    issue: 'SUBSCRIPTION_STATUS_INVALID',
    times,
  });
}

async function eventRow(eventId: number) {
  const { rows } = await pool.query(`SELECT processed_at, outcome, error FROM webhook_events WHERE id = $1`, [eventId]);
  return rows[0] as { processed_at: Date | null; outcome: string | null; error: string | null };
}

async function queuedApplyJobs(eventId: number): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND (data->>'eventId')::bigint = $2`, [
    applyPayPalEventJob.name,
    eventId,
  ]);
  return rows[0].n;
}

async function credits(userId: string): Promise<number[]> {
  const { rows } = await pool.query(`SELECT days FROM balance_transactions WHERE user_id = $1 AND type = 'user_credit' ORDER BY id`, [userId]);
  return rows.map((r) => r.days);
}

/** What pg-boss does after the last retry: the dead-letter job gets the payload and the last error. */
async function deadLetter(eventId: number, failure: string) {
  await jobs!.runNow(webhookDeadLetterJob, { eventId }, { failure });
}

describe('the retry policy of webhook-apply jobs', () => {
  it('is stored on both queues: capped exponential backoff with jitter, then the dead-letter queue', async () => {
    const { rows } = await pool.query(
      `SELECT name, retry_limit, retry_delay, retry_backoff, expire_seconds, dead_letter FROM pgboss.queue WHERE name = ANY($1) ORDER BY name`,
      [[applyPayPalEventJob.name, applyChannelEventJob.name]],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ retry_limit: 6, retry_delay: 30, retry_backoff: true, expire_seconds: 300, dead_letter: webhookDeadLetterJob.name });
    }
    expect(WEBHOOK_APPLY_RETRY.retryLimit).toBe(6);
  });
});

describe('a webhook apply that keeps failing', () => {
  it('ends failed with its error, listed for the admin, and a replay applies it once', async () => {
    const { user, subscriptionId, eventId } = await storedActivation();
    await refuseSubscription(subscriptionId, 3);
    const failure = await jobs!.runNow(applyPayPalEventJob, { eventId }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain('SUBSCRIPTION_STATUS_INVALID');
    // Between retries the event is still pending, with nothing applied.
    expect(await eventRow(eventId)).toMatchObject({ processed_at: null, outcome: null });
    await deadLetter(eventId, failure!);
    expect(await eventRow(eventId)).toEqual({ processed_at: null, outcome: 'failed', error: failure });
    expect(await credits(user.id)).toEqual([]);

    const listed = await admin.get('/api/admin/webhook-events?status=failed');
    expect(listed.statusCode, listed.body).toBe(200);
    const page = listed.json();
    expect(page.items.find((item: { id: number }) => item.id === eventId)).toMatchObject({
      source: 'paypal',
      eventType: 'BILLING.SUBSCRIPTION.ACTIVATED',
      subjectRef: subscriptionId,
      status: 'failed',
      processedAt: null,
      error: failure,
    });
    expect(page.counts.failed).toBe(page.total);
    expect(page.counts.failed).toBeGreaterThanOrEqual(1);

    // PayPal recovers; the admin replays: pending again, its apply job queued in the same transaction.
    await paypal.control('DELETE', '/__sim/faults');
    const jobsBefore = await queuedApplyJobs(eventId);
    const replayed = await admin.post(`/api/admin/webhook-events/${eventId}/replay`);
    expect(replayed.statusCode, replayed.body).toBe(200);
    expect(replayed.json().event).toMatchObject({ id: eventId, status: 'pending', error: null, outcome: null });
    expect(await queuedApplyJobs(eventId)).toBe(jobsBefore + 1);
    const pending = (await admin.get('/api/admin/webhook-events?status=pending&pageSize=100')).json();
    expect(pending.items.map((item: { id: number }) => item.id)).toContain(eventId);

    await jobs!.runNow(applyPayPalEventJob, { eventId });
    await jobs!.runNow(applyPayPalEventJob, { eventId });
    expect(await eventRow(eventId)).toMatchObject({ outcome: 'activated' });
    expect(await credits(user.id)).toEqual([30]);

    // Replay works once: the event is no longer failed.
    const again = await admin.post(`/api/admin/webhook-events/${eventId}/replay`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(WEBHOOK_EVENT_MESSAGES.notFailed);
    expect(await queuedApplyJobs(eventId)).toBe(jobsBefore + 1);
    const audit = await pool.query(`SELECT action, meta, actor_id FROM audit_log WHERE action = 'webhook.replay' AND target_id = $1`, [String(eventId)]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].meta).toMatchObject({ source: 'paypal', subjectRef: subscriptionId, previousError: failure });
    expect(audit.rows[0].actor_id).not.toBeNull();

    const processed = (await admin.get('/api/admin/webhook-events?status=processed&pageSize=100')).json();
    expect(processed.items.find((item: { id: number }) => item.id === eventId)).toMatchObject({ status: 'processed', outcome: 'activated' });
  });

  it('leaves an event applied meanwhile as it is when its dead letter arrives late', async () => {
    const { eventId } = await storedActivation();
    await jobs!.runNow(applyPayPalEventJob, { eventId });
    const applied = await eventRow(eventId);
    expect(applied.processed_at).not.toBeNull();
    await deadLetter(eventId, 'late failure');
    expect(await eventRow(eventId)).toEqual(applied);
    expect((await admin.post(`/api/admin/webhook-events/${eventId}/replay`)).statusCode).toBe(409);
  });

  it('takes effect once when ten replays of one failed event arrive at once', async () => {
    const { user, subscriptionId, eventId } = await storedActivation();
    await deadLetter(eventId, 'PayPal was down');
    const second = await signUpAdmin(testApp);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? second.client : admin).post(`/api/admin/webhook-events/${eventId}/replay`)),
    );
    const statuses = replies.map((reply) => reply.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    expect(await queuedApplyJobs(eventId)).toBe(1);
    const audit = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'webhook.replay' AND target_id = $1`, [String(eventId)]);
    expect(audit.rows[0].n).toBe(1);
    await jobs!.runNow(applyPayPalEventJob, { eventId });
    expect(await credits(user.id)).toEqual([30]);
    expect(subscriptionId).toBeTruthy();
  });

  it('answers 404 for an event that does not exist', async () => {
    const missing = await admin.post('/api/admin/webhook-events/999999999/replay');
    expect(missing.statusCode).toBe(404);
  });
});

describe('access', () => {
  it('is for admins only', async () => {
    const { eventId } = await storedActivation();
    await deadLetter(eventId, 'PayPal was down');
    const user = (await signUpUser(app)).client;
    expect((await user.get('/api/admin/webhook-events')).statusCode).toBe(403);
    expect((await user.post(`/api/admin/webhook-events/${eventId}/replay`)).statusCode).toBe(403);
    expect((await new TestClient(app).get('/api/admin/webhook-events')).statusCode).toBe(401);
    expect(await eventRow(eventId)).toMatchObject({ outcome: 'failed', error: 'PayPal was down' });
    expect(await queuedApplyJobs(eventId)).toBe(0);
  });
});

describe('pg-boss itself, with a real worker', () => {
  it('retries with doubling, jittered waits, then dead-letters the event with its last error', { timeout: 120_000 }, async () => {
    const { subscriptionId, eventId } = await storedActivation();
    await refuseSubscription(subscriptionId, 1000);
    const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const worker = await startJobRunner({ url: testApp.database.url, db: testApp.database.db, log: silent, jobs: buildJobs(testApp.services), work: true, pollingIntervalSeconds: 0.5 });
    try {
      const jobId = await jobs!.enqueue(applyPayPalEventJob, { eventId });
      const waits: number[] = [];
      const deadline = Date.now() + 100_000;
      while ((await eventRow(eventId)).outcome !== 'failed') {
        expect(Date.now()).toBeLessThan(deadline);
        const { rows } = await pool.query(
          `SELECT state, retry_count, EXTRACT(epoch FROM start_after - started_on)::float AS wait FROM pgboss.job WHERE id = $1`,
          [jobId],
        );
        const job = rows[0];
        if (job?.state === 'retry' && waits.length === job.retry_count) {
          waits.push(job.wait);
          // Skip the wait, so the test need not sit through an hour of backoff.
          await pool.query(`UPDATE pgboss.job SET start_after = now() WHERE id = $1 AND state = 'retry'`, [jobId]);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Retry n waits a random time in [30·2^(n-1), 30·2^n] s (plus the run itself), six times, then no more.
      expect(waits).toHaveLength(6);
      waits.forEach((wait, n) => {
        expect(wait).toBeGreaterThanOrEqual(30 * 2 ** n);
        expect(wait).toBeLessThanOrEqual(30 * 2 ** (n + 1) + 5);
      });
      expect(waits.some((wait, n) => wait - 30 * 2 ** n > 0.5)).toBe(true);
      const { rows } = await pool.query(`SELECT state, retry_count FROM pgboss.job WHERE id = $1`, [jobId]);
      expect(rows[0]).toEqual({ state: 'failed', retry_count: 6 });
      const event = await eventRow(eventId);
      expect(event).toMatchObject({ processed_at: null, outcome: 'failed' });
      expect(event.error).toContain('SUBSCRIPTION_STATUS_INVALID');
    } finally {
      await worker.stop();
      await paypal.control('DELETE', '/__sim/faults');
    }
  });
});
