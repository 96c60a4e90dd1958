import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startPayPalSimulator, type PayPalSimulator } from '../sim/paypal/index';
import { registerMerchantWebhook, seedMerchantPlan } from '../sim/paypal/merchant-dashboard';
import { startWhapiSimulator, type WhapiSimulator } from '../sim/whapi/index';
import { createBenchDatabase, DEFAULT_ADMIN_URL, signInAdmin, startBenchApp, type BenchApp } from './p4-admin-lists';

// QUALITY W3: webhook acknowledgement under 50 req/s → p99 < 1 s (the work happens in a job). The app runs in this
// process on a fresh database of the machine PostgreSQL, wired to the WHAPI and PayPal simulators on 127.0.0.1, with
// jobs enqueued in the business transaction (as in production) and no worker. Two phases of `seconds` each, paced at
// `rate` requests a second (open loop: a slow answer does not slow the sending down):
// (a) WHAPI channel webhooks (no signature: the secret in the path), sent by this script with distinct bodies;
// (b) PayPal webhooks signed and delivered by the PayPal simulator itself: this script only asks it to renew an
//     active subscription (`/__sim/subscriptions/:id/renew`), and each renewal makes it send PAYMENT.SALE.COMPLETED.
//     The simulator's delivery log has no durations, so its own fetch calls are timed here (nothing is signed or
//     sent by this script): the acknowledgement as PayPal sees it, and the app's verify-webhook-signature round trip.

const TARGET_MS = 1000;

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** p99 / the 1 s target: below 1 meets it */
  ratioToTarget: number;
}

export interface W3Result {
  rate: number;
  seconds: number;
  whapi: LatencySummary & { sent: number; stored: number };
  paypal: {
    renewals: number;
    /** the simulator's POST to /api/webhooks/paypal, request to answer */
    ack: LatencySummary;
    /** the app's verify-webhook-signature call to the simulator, inside each acknowledgement */
    verify: LatencySummary;
    /** renew asked → acknowledgement received: adds the simulator's one-delivery-at-a-time queue */
    renewToAck: LatencySummary;
    deliveries: { delivered: number; failed: number; retried: number };
    stored: number;
  };
  goal: string;
}

function summarise(samples: number[], errors: number): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN);
  const p99 = at(0.99);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99, max: round(sorted.at(-1) ?? NaN), errors, ratioToTarget: Math.round((p99 / TARGET_MS) * 1000) / 1000 };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `send(i)` at `rate` a second for `seconds`, without waiting for answers; resolves when all have settled. */
async function paced(rate: number, seconds: number, send: (i: number) => Promise<void>): Promise<number> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
  return total;
}

async function json(response: Response, what: string): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const text = await response.text();
  if (!response.ok) throw new Error(`${what}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

/** The admin's API calls, with the session cookie and the Origin a browser would send. */
function adminApi(bench: BenchApp, cookie: string) {
  return (method: string, path: string, body?: unknown) =>
    fetch(`${bench.base}${path}`, {
      method,
      headers: { cookie, origin: bench.config.appUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).then((r) => json(r, `${method} ${path}`));
}

async function signUp(bench: BenchApp, name: string): Promise<{ id: string; cookie: string }> {
  const response = await fetch(`${bench.base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bench.config.appUrl },
    body: JSON.stringify({ name, email: `bench-${randomBytes(4).toString('hex')}@example.com`, password: 'bench-password-1' }),
  });
  const body = await json(response, 'sign-up');
  return { id: body.user.id as string, cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

async function seedPlan(bench: BenchApp, id: string, paypalPlanId: string | null): Promise<void> {
  await bench.database.pool.query(
    `INSERT INTO plans (id, name, monthly_price_minor, billing_period, request_type, status, sort_order, limit_daily,
                        limit_bulk, limit_channels, limit_chatbots, paypal_plan_id)
     VALUES ($1, $1, 4900, 'monthly', 'paid', 'published', 1, 500, 100, 3, 1, $2)`,
    [id, paypalPlanId],
  );
}

// ---- (a) WHAPI channel webhooks ------------------------------------------------------------------------------------

/** WHAPI configured through the admin API and one channel created for a subscribed user; returns its webhook URL. */
async function setUpWhapiChannel(bench: BenchApp, whapi: WhapiSimulator, admin: ReturnType<typeof adminApi>) {
  await admin('PATCH', '/api/admin/settings/whapi', { partnerToken: whapi.partnerToken, partnerName: whapi.partnerName });
  const { projects } = await admin('GET', '/api/admin/settings/whapi/projects');
  const project = (projects as { id: string; isDefault: boolean }[]).find((p) => p.isDefault);
  if (!project) throw new Error('the WHAPI simulator has no default project');
  await admin('PATCH', '/api/admin/settings/whapi', { projectId: project.id });

  const owner = await signUp(bench, 'Bench Channel Owner');
  await seedPlan(bench, 'bench-w3-plan', null);
  await bench.database.pool.query(
    `INSERT INTO subscriptions (user_id, plan_id, status, payment_method, service_ends_at, days_total, is_current)
     VALUES ($1, 'bench-w3-plan', 'active', 'admin', now() + interval '30 days', 30, true)`,
    [owner.id],
  );
  const { channel } = await admin('POST', '/api/admin/channels', { userId: owner.id, name: 'Bench line', phone: '+97336123456' });
  const ref = channel.channelRef as string;
  // The URL the app registered at WHAPI for this channel: its path carries the secret.
  const state = await fetch(`${whapi.url}/__sim/state`).then((r) => json(r, 'WHAPI sim state'));
  const simChannel = (state.channels as { id: string; settings: { webhooks?: { url: string }[] } }[]).find((c) => c.id === ref);
  const registered = simChannel?.settings.webhooks?.[0]?.url;
  if (!registered) throw new Error(`no webhook registered at WHAPI for channel ${ref}`);
  const path = new URL(registered).pathname;
  return { ref, url: `${bench.base}${path}` };
}

/** Alternating incoming messages and status updates, every body distinct (so each is stored, not deduplicated). */
function whapiEvent(ref: string, i: number): unknown {
  const timestamp = Math.floor(Date.now() / 1000);
  const id = `bench${i.toString(16).padStart(8, '0')}${randomBytes(4).toString('hex')}`;
  if (i % 2 === 0) {
    return {
      messages: [
        { id, type: 'text', chat_id: '97336000001@s.whatsapp.net', from_me: false, from: '97336000001', from_name: 'Bench Contact', source: 'mobile', timestamp, text: { body: `bench message ${i}` } },
      ],
      event: { type: 'messages', event: 'post' },
      channel_id: ref,
    };
  }
  const statuses = ['sent', 'delivered', 'read'] as const;
  const status = statuses[(i >> 1) % statuses.length]!;
  return {
    statuses: [{ id, code: { sent: 2, delivered: 3, read: 4 }[status], status, recipient_id: '97336000001@s.whatsapp.net', viewer_id: '97336000001', timestamp: String(timestamp) }],
    event: { type: 'statuses', event: 'post' },
    channel_id: ref,
  };
}

async function loadWhapi(url: string, ref: string, rate: number, seconds: number) {
  const samples: number[] = [];
  let errors = 0;
  const sent = await paced(rate, seconds, async (i) => {
    const body = JSON.stringify(whapiEvent(ref, i));
    const started = performance.now();
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      samples.push(performance.now() - started);
      if (!response.ok) errors += 1;
    } catch {
      errors += 1;
    }
  });
  return { sent, ...summarise(samples, errors) };
}

// ---- (b) PayPal webhooks delivered by the simulator ----------------------------------------------------------------

const control = (paypal: PayPalSimulator, method: string, path: string, body?: unknown) =>
  fetch(`${paypal.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then((r) => json(r, `${method} ${path}`));

/** As tests/integration/paypal.test.ts: a webhook at the simulator pointing at the app, the credentials saved by the
 *  admin, then a user subscribes (checkout → approval at the simulator → return) so one subscription is ACTIVE. */
async function setUpPayPalSubscription(bench: BenchApp, paypal: PayPalSimulator, admin: ReturnType<typeof adminApi>) {
  const webhookId = await registerMerchantWebhook(paypal, `${bench.base}/api/webhooks/paypal`);
  await admin('PUT', '/api/admin/settings/paypal', { mode: 'sandbox', clientId: paypal.clientId, clientSecret: paypal.clientSecret, webhookId });
  await seedPlan(bench, 'bench-w3-paypal', await seedMerchantPlan(paypal, { name: 'Bench monthly', price: '49.00' }));

  const buyer = await signUp(bench, 'Bench Buyer');
  const headers = { cookie: buyer.cookie, origin: bench.config.appUrl, 'content-type': 'application/json' };
  const checkout = await fetch(`${bench.base}/api/payments/paypal/checkout`, { method: 'POST', headers, body: JSON.stringify({ planId: 'bench-w3-paypal' }) }).then(
    (r) => json(r, 'checkout'),
  );
  const subscriptionId = checkout.subscriptionId as string;
  const approved = await control(paypal, 'POST', `/__sim/subscriptions/${subscriptionId}/approve`, {});
  const ref = new URL(approved.redirect as string).searchParams.get('ref');
  await fetch(`${bench.base}/api/payments/paypal/return`, { method: 'POST', headers, body: JSON.stringify({ ref, subscriptionId }) }).then((r) => json(r, 'return'));
  // The set-up's own events (CREATED, ACTIVATED, the first sale) are acknowledged before the measured phase.
  await control(paypal, 'GET', '/__sim/webhooks?settle=true');
  await control(paypal, 'DELETE', '/__sim/webhooks');
  return subscriptionId;
}

/** Times the fetch calls made in this process to the two URLs: the simulator's deliveries and the app's verifies. */
function timeFetches(ackUrl: string, verifyUrl: string) {
  const original = globalThis.fetch;
  const ack: number[] = [];
  const verify: number[] = [];
  const ackedAt = new Map<string, number>();
  let ackErrors = 0;
  let verifyErrors = 0;
  const countError = (kind: 'ack' | 'verify') => {
    if (kind === 'ack') ackErrors += 1;
    else verifyErrors += 1;
  };
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const kind = url === ackUrl ? ('ack' as const) : url === verifyUrl ? ('verify' as const) : null;
    if (!kind) return original(input, init);
    const started = performance.now();
    try {
      const response = await original(input, init);
      const ms = performance.now() - started;
      (kind === 'ack' ? ack : verify).push(ms);
      if (!response.ok) countError(kind);
      if (kind === 'ack' && typeof init?.body === 'string') {
        const saleId = (JSON.parse(init.body) as { resource?: { id?: string } }).resource?.id;
        if (saleId && !ackedAt.has(saleId)) ackedAt.set(saleId, performance.now());
      }
      return response;
    } catch (error) {
      countError(kind);
      throw error;
    }
  };
  return {
    ack,
    verify,
    ackedAt,
    errors: () => ({ ack: ackErrors, verify: verifyErrors }),
    restore: () => void (globalThis.fetch = original),
  };
}

async function loadPayPal(bench: BenchApp, paypal: PayPalSimulator, subscriptionId: string, rate: number, seconds: number) {
  const timing = timeFetches(`${bench.base}/api/webhooks/paypal`, `${paypal.url}/v1/notifications/verify-webhook-signature`);
  const askedAt = new Map<string, number>();
  let renewErrors = 0;
  try {
    const renewals = await paced(rate, seconds, async () => {
      const asked = performance.now();
      try {
        const reply = await control(paypal, 'POST', `/__sim/subscriptions/${subscriptionId}/renew`);
        const saleId = reply.sale?.id as string | undefined;
        if (saleId) askedAt.set(saleId, asked);
        else renewErrors += 1;
      } catch {
        renewErrors += 1;
      }
    });
    const log = await control(paypal, 'GET', '/__sim/webhooks?settle=true');
    const deliveries = log.deliveries as { state: string; attempts: unknown[] }[];
    const renewToAck = [...askedAt].flatMap(([sale, asked]) => {
      const acked = timing.ackedAt.get(sale);
      return acked === undefined ? [] : [acked - asked];
    });
    const errors = timing.errors();
    return {
      renewals: renewals - renewErrors,
      ack: summarise(timing.ack, errors.ack),
      verify: summarise(timing.verify, errors.verify),
      renewToAck: summarise(renewToAck, askedAt.size - renewToAck.length),
      deliveries: {
        delivered: deliveries.filter((d) => d.state === 'delivered').length,
        failed: deliveries.filter((d) => d.state !== 'delivered').length,
        retried: deliveries.filter((d) => d.attempts.length > 1).length,
      },
    };
  } finally {
    timing.restore();
  }
}

// ---- the run -------------------------------------------------------------------------------------------------------

function fmt(s: LatencySummary): string {
  return `p50/p95/p99 ${s.p50}/${s.p95}/${s.p99} ms (max ${s.max}, n ${s.n}, errors ${s.errors})`;
}

export async function benchWebhookAck(options: { adminUrl?: string; seconds?: number; rate?: number } = {}): Promise<W3Result> {
  const seconds = options.seconds ?? 20;
  const rate = options.rate ?? 50;
  const db = await createBenchDatabase(options.adminUrl ?? DEFAULT_ADMIN_URL, 'w3');
  try {
    const whapi = await startWhapiSimulator({ host: '127.0.0.1', port: 0, partnerName: 'omniplus', initialDays: 1_000_000 });
    const paypal = await startPayPalSimulator({ host: '127.0.0.1', port: 0 });
    try {
      const bench = await startBenchApp(db.url, {
        jobs: true,
        env: { WHAPI_PARTNER_URL: whapi.url, WHAPI_GATE_URL: whapi.url, PAYPAL_API_URL: paypal.url },
      });
      try {
        const admin = adminApi(bench, (await signInAdmin(bench)).cookie);
        const channel = await setUpWhapiChannel(bench, whapi, admin);
        const subscriptionId = await setUpPayPalSubscription(bench, paypal, admin);
        // Rows stored and read as a known event type (not 'unreadable'), each with its job enqueued in the same transaction.
        const stored = async (source: string) =>
          Number(
            (await bench.database.pool.query(`SELECT count(*)::int AS n FROM webhook_events WHERE source = $1 AND event_type <> 'unreadable'`, [source]))
              .rows[0].n,
          );

        const whapiBefore = await stored('whapi_channel');
        const whapiLoad = await loadWhapi(channel.url, channel.ref, rate, seconds);
        const whapiStored = (await stored('whapi_channel')) - whapiBefore;
        console.log(
          `W3 WHAPI channel webhooks at ${rate} req/s for ${seconds} s: ${fmt(whapiLoad)}, ${whapiStored}/${whapiLoad.sent} stored as readable events; ` +
            `p99 / 1 s = ${whapiLoad.ratioToTarget} (goal p99 < 1000 ms: ${whapiLoad.p99 < TARGET_MS && whapiLoad.errors === 0 ? 'met' : 'MISSED'})`,
        );

        const paypalBefore = await stored('paypal');
        const paypalLoad = await loadPayPal(bench, paypal, subscriptionId, rate, seconds);
        const paypalStored = (await stored('paypal')) - paypalBefore;
        const d = paypalLoad.deliveries;
        console.log(
          `W3 PayPal webhooks (simulator-signed, ${paypalLoad.renewals} renewals asked at ${rate}/s for ${seconds} s): ` +
            `ack ${fmt(paypalLoad.ack)}; p99 / 1 s = ${paypalLoad.ack.ratioToTarget} ` +
            `(goal p99 < 1000 ms: ${paypalLoad.ack.p99 < TARGET_MS && paypalLoad.ack.errors === 0 ? 'met' : 'MISSED'})`,
        );
        console.log(`   verify-webhook-signature round trip inside it: ${fmt(paypalLoad.verify)}`);
        console.log(
          `   renew asked → ack (with the simulator's one-at-a-time delivery queue): ${fmt(paypalLoad.renewToAck)}; ` +
            `deliveries ${d.delivered} delivered, ${d.failed} not, ${d.retried} retried; ${paypalStored} events stored`,
        );
        return {
          rate,
          seconds,
          whapi: { ...whapiLoad, stored: whapiStored },
          paypal: { ...paypalLoad, stored: paypalStored },
          goal: 'p99 < 1000 ms at 50 req/s, 0 errors',
        };
      } finally {
        await bench.close();
      }
    } finally {
      await paypal.close();
      await whapi.close();
    }
  } finally {
    await db.drop();
  }
}

// `npx tsx bench/w3-webhook-ack.ts` runs W3 alone; bench/run.ts runs it with the others.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchWebhookAck({
    adminUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL,
    seconds: Number(process.env.BENCH_W3_SECONDS ?? 20),
  });
  process.exit(0);
}
