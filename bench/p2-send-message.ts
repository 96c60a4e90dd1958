import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { normalizeRecipient } from '../src/contracts/messaging';
import { deliverMessageJob } from '../src/server/features/messaging/messaging-job-refs';
import { linkedSender, prepareAdmin, startMessagingApp, startSimProcess, type LinkedSender } from './linked-sender';
import { describeProbe, startLoadProbe, type LoadProbe } from './load-probe';
import { createBenchDatabase, DEFAULT_ADMIN_URL, type BenchApp } from './p4-admin-lists';

// QUALITY P2: `POST /api/messages` (session + page guard, channel check, the daily limit charged atomically, the
// outbox row and its pg-boss job in one transaction) at 50 connections. The app runs in this process on a fresh
// database of the machine PostgreSQL, its job runner on but working nothing, so WHAPI is never called while
// measuring; the WHAPI simulator (needed to link the channels) runs in its own process.
// (a) throughput: one sender with an unlimited daily limit (-1) — every request charges the same usage row;
// (b) the same load spread over several senders (one per connection, round robin), to tell that row's lock apart
//     from the cost of the request itself;
// (c) "the limit never overshoots": a sender whose daily limit is LIMIT gets five times that many requests at once.

const GOAL_RPS = 1500;
const LIMIT = 1000;
const CONNECTIONS = 50;

interface Throughput {
  senders: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** Outbox rows written during the run (each 2xx is one). */
  accepted: number;
  probe: LoadProbe;
}

export interface P2Result {
  oneSender: Throughput;
  manySenders: Throughput | null;
  limit: { limit: number; sent: number; status201: number; status403: number; other: number; outboxRows: number; used: number; jobs: number; exact: boolean };
  goal: string;
}

const RECIPIENT = normalizeRecipient('+14155550123');

function sendHeaders(bench: BenchApp, sender: LinkedSender) {
  return { cookie: sender.cookie, origin: bench.config.appUrl, 'content-type': 'application/json' };
}

function sendBody(sender: LinkedSender) {
  return JSON.stringify({ channelId: sender.channelId, to: RECIPIENT, body: 'Your order is ready for pick-up.' });
}

/** autocannon options posting as `senders`, connection i as senders[i % n]. */
function sendLoad(bench: BenchApp, senders: LinkedSender[]) {
  let next = 0;
  return {
    url: `${bench.base}/api/messages`,
    method: 'POST' as const,
    connections: CONNECTIONS,
    headers: sendHeaders(bench, senders[0]!),
    body: sendBody(senders[0]!),
    setupClient(client: autocannon.Client) {
      const sender = senders[next++ % senders.length]!;
      client.setHeaders(sendHeaders(bench, sender));
      client.setBody(sendBody(sender));
    },
  };
}

async function count(bench: BenchApp, text: string, values: unknown[]): Promise<number> {
  return Number((await bench.database.pool.query(text, values)).rows[0].n);
}

async function outboxOf(bench: BenchApp, senders: LinkedSender[]) {
  return count(bench, `SELECT count(*)::int AS n FROM outbox_messages WHERE user_id = ANY($1)`, [senders.map((s) => s.userId)]);
}

async function measureThroughput(bench: BenchApp, senders: LinkedSender[], seconds: number): Promise<Throughput> {
  const before = await outboxOf(bench, senders);
  const probe = startLoadProbe(bench.database.pool);
  const result = await autocannon({ ...sendLoad(bench, senders), duration: seconds });
  return {
    senders: senders.length,
    seconds,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    accepted: (await outboxOf(bench, senders)) - before,
    probe: await probe.stop(),
  };
}

function describeThroughput(t: Throughput): string {
  const who = t.senders === 1 ? '1 sender (daily limit -1)' : `${t.senders} senders (round robin over the connections)`;
  return (
    `P2 POST /api/messages, ${who}, ${CONNECTIONS} connections, ${t.seconds} s: ${t.requestsPerSecond} req/s ` +
    `(p50 ${t.p50Ms} ms, p99 ${t.p99Ms} ms, errors ${t.errors}, non-2xx ${t.non2xx}, ${t.accepted} outbox rows written) ` +
    `(goal ≥ ${GOAL_RPS} req/s: ${t.requestsPerSecond >= GOAL_RPS && t.errors === 0 && t.non2xx === 0 ? 'met' : 'MISSED'})\n` +
    `   during it: ${describeProbe(t.probe)}`
  );
}

/** Five times the limit, all at once: exactly LIMIT accepted (201) and written, every other answer a 403. */
async function measureLimit(bench: BenchApp, sender: LinkedSender): Promise<P2Result['limit']> {
  const sent = LIMIT * 5;
  const result = await autocannon({ ...sendLoad(bench, [sender]), amount: sent });
  const codes = result.statusCodeStats as Record<string, { count: number }>;
  const status201 = codes['201']?.count ?? 0;
  const status403 = codes['403']?.count ?? 0;
  const outboxRows = await outboxOf(bench, [sender]);
  const used = await count(bench, `SELECT coalesce(sum(used), 0)::int AS n FROM message_usage WHERE user_id = $1 AND kind = 'daily'`, [sender.userId]);
  // pg-boss keeps a job's payload as JSON; each accepted message has its delivery job, committed with it.
  const jobs = await count(
    bench,
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $2
       AND (data->>'messageId')::bigint IN (SELECT id FROM outbox_messages WHERE user_id = $1)`,
    [sender.userId, deliverMessageJob.name],
  );
  const other = sent - status201 - status403;
  const exact = status201 === LIMIT && outboxRows === LIMIT && used === LIMIT && jobs === LIMIT && other === 0 && result.errors === 0;
  return { limit: LIMIT, sent, status201, status403, other: other + result.errors, outboxRows, used, jobs, exact };
}

export async function benchSendMessage(options: { adminUrl?: string; seconds?: number; senders?: number } = {}): Promise<P2Result> {
  const seconds = options.seconds ?? 10;
  // The simulator, like WHAPI, creates at most 20 channels per 30 minutes: 2 + `senders` must stay within that.
  const spread = Math.min(options.senders ?? 10, 18);
  if (!RECIPIENT) throw new Error('the bench recipient is not a valid number');
  const db = await createBenchDatabase(options.adminUrl ?? DEFAULT_ADMIN_URL, 'p2');
  const sim = await startSimProcess();
  try {
    const bench = await startMessagingApp(db.url, sim);
    try {
      const admin = await prepareAdmin(bench, sim, 2 + spread);
      const unlimited = await linkedSender(bench, sim, admin, { daily: -1 });
      const limited = await linkedSender(bench, sim, admin, { daily: LIMIT });
      const many: LinkedSender[] = [];
      for (let i = 0; i < (spread > 1 ? spread : 0); i++) many.push(await linkedSender(bench, sim, admin, { daily: -1 }));
      // A short warm-up (JIT, pool connections, query plans) that is not counted.
      await autocannon({ ...sendLoad(bench, [unlimited]), duration: 2 });

      const oneSender = await measureThroughput(bench, [unlimited], seconds);
      console.log(describeThroughput(oneSender));
      const manySenders = many.length ? await measureThroughput(bench, many, seconds) : null;
      if (manySenders) console.log(describeThroughput(manySenders));
      const limit = await measureLimit(bench, limited);
      console.log(
        `P2 limit ${limit.limit}/day, ${limit.sent} requests at ${CONNECTIONS} connections: ${limit.status201} × 201, ${limit.status403} × 403, ` +
          `${limit.other} other; ${limit.outboxRows} outbox rows, message_usage.used ${limit.used}, ${limit.jobs} delivery jobs ` +
          `(goal: exactly ${limit.limit}, never more: ${limit.exact ? 'met' : 'MISSED'})`,
      );
      return { oneSender, manySenders, limit, goal: `≥ ${GOAL_RPS} req/s; the limit never overshoots` };
    } finally {
      await bench.close();
    }
  } finally {
    await sim.close();
    await db.drop();
  }
}

// `npx tsx bench/p2-send-message.ts` runs P2 alone; bench/run.ts runs it with the others.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchSendMessage({
    adminUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL,
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    senders: Number(process.env.BENCH_P2_SENDERS ?? 10),
  });
  process.exit(0);
}
