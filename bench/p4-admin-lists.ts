import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig, type Config } from '../src/server/config';
import { connectDatabase, type Database } from '../src/server/db/connect';
import { applyMigrations } from '../src/server/db/migrate';
import { createAuth } from '../src/server/features/auth/better-auth';
import type { App } from '../src/server/http/app-deps';
import { buildJobs } from '../src/server/job-registry';
import { startJobRunner, type JobRunner } from '../src/server/jobs/job-runner';
import { startEventBus } from '../src/server/realtime/event-bus';
import { createSecretBox } from '../src/server/secrets/secret-box';
import { buildServices, type Services } from '../src/server/services';

// QUALITY P4: the admin lists on 20,000 users, 100,000 channels, 100,000 ledger rows and 100,000 audit rows
// (messages do not exist in the product yet, so the "1M messages" part of P4 cannot be measured). The app runs in
// this process on a fresh database of the machine PostgreSQL, exactly as main.ts wires it; load targets 127.0.0.1.

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

// ---- a fresh database and the app on it (shared with w3-webhook-ack.ts) ------------------------------------------

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(adminUrl: string, prefix: string): Promise<BenchDatabase> {
  const name = `omniplus_bench_${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export interface BenchApp {
  base: string;
  app: App;
  database: Database;
  services: Services;
  config: Config;
  jobs: JobRunner | null;
  close(): Promise<void>;
}

/** main.ts's wiring (config → migrate → auth → bus → services → app) on `databaseUrl`, listening on 127.0.0.1. */
export async function startBenchApp(
  databaseUrl: string,
  options: { env?: Record<string, string>; jobs?: boolean; /** a fixed port, when APP_URL must name it (simulator webhooks) */ port?: number } = {},
): Promise<BenchApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    APP_URL: 'http://127.0.0.1',
    SECRET_KEY: randomBytes(32).toString('base64url'),
    DATA_DIR: '/tmp/omniplus-bench-data',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const database = connectDatabase(databaseUrl);
  await applyMigrations(database);
  const auth = createAuth({ db: database.db, appUrl: config.appUrl, secret: config.secretKey });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const bus = await startEventBus(database.url, silent);
  const services = buildServices({ config, database, bus, log: silent });
  // Jobs are enqueued (in the business transaction, as in production) but nobody works them in the bench.
  const jobs = options.jobs
    ? await startJobRunner({ url: database.url, db: database.db, log: silent, jobs: buildJobs(services), work: false })
    : null;
  services.jobs = jobs;
  const app = await buildApp({ config, database, auth, bus, jobs, services, webRoot: null });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    app,
    database,
    services,
    config,
    jobs,
    async close() {
      await app.close();
      await jobs?.stop();
      await bus.close();
      await database.close();
    },
  };
}

/** Signs up through the API (Origin = APP_URL, as a browser would) and promotes the account, as bootstrap does. */
export async function signInAdmin(bench: BenchApp): Promise<{ id: string; cookie: string }> {
  const response = await fetch(`${bench.base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bench.config.appUrl },
    body: JSON.stringify({ name: 'Bench Admin', email: `bench-admin-${Date.now()}@example.com`, password: 'bench-password-1' }),
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const id = ((await response.json()) as { user: { id: string } }).user.id;
  await bench.database.pool.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [id]);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { id, cookie };
}

// ---- the data set ------------------------------------------------------------------------------------------------

export const SIZES = { users: 20_000, channels: 100_000, ledger: 100_000, audit: 100_000, payments: 3_000 };

const FIRST = `ARRAY['Amina','Omar','Fatima','Khalid','Layla','Yusuf','Noor','Hassan','Mariam','Ali','Sara','Ahmed',
  'Huda','Ibrahim','Zainab','Tariq','Rania','Faisal','Dana','Salman']`;
const LAST = `ARRAY['Al Salem','Haddad','Nasser','Rahman','Mansour','Khoury','Aziz','Qasim','Farouk','Saleh','Jaber',
  'Hamdan','Karim','Yousef','Shami','Darwish','Bakr','Zayed','Hariri','Obeid','Saeed','Hussain','Ghanem']`;
const DOMAINS = `ARRAY['gmail.com','outlook.com','yahoo.com','batelco.com.bh','zain.com','company.bh','hotmail.com']`;

/**
 * 20k users (2% banned; 8% never subscribed, 7% pending, 15% expired, 3% canceled, the rest active with ~2% ending
 * within the week), 10k past subscriptions, 100k channels skewed towards a few resellers (10% pending, 20% expired,
 * 4% deleted; auth states mixed), 100k ledger rows, 100k audit rows and 3k offline payments. Plain SQL with
 * generate_series: a fixed seed makes every run build the same data set.
 */
export async function seedAdminLists(database: Database, adminId: string, sealedToken: string): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT setseed(0.4242)');
    await client.query(`
      INSERT INTO plans (id, name, monthly_price_minor, billing_period, request_type, status, sort_order, limit_daily,
                         limit_bulk, limit_channels, limit_chatbots)
      VALUES ('bench-plan-1', 'Starter', 1500, 'monthly', 'paid', 'published', 1, 500, 100, 3, 1),
             ('bench-plan-2', 'Pro', 4500, 'semi_annual', 'paid', 'published', 2, 5000, 1000, 10, 3),
             ('bench-plan-3', 'Business', 12000, 'annual', 'paid', 'published', 3, 20000, 5000, 25, 10),
             ('bench-plan-4', 'Enterprise', NULL, 'monthly', 'request_quote', 'published', 4, -1, -1, -1, -1)`);
    await client.query(`
      INSERT INTO users (id, name, email, email_verified, role, banned, ban_reason, banned_at, created_at, updated_at)
      SELECT 'bench-u-' || i,
             (${FIRST})[1 + i % 20] || ' ' || (${LAST})[1 + (i / 20) % 23],
             lower(replace((${FIRST})[1 + i % 20] || '.' || (${LAST})[1 + (i / 20) % 23], ' ', '')) || i || '@' ||
               (${DOMAINS})[1 + (i * 7) % 7],
             true, 'user', i % 47 = 0, CASE WHEN i % 47 = 0 THEN 'Spam reports' END,
             CASE WHEN i % 47 = 0 THEN now() - interval '3 days' END,
             created, created
      FROM (SELECT i, now() - random() * interval '730 days' AS created FROM generate_series(1, ${SIZES.users}) i) g`);
    // One current subscription for 92% of users; j = i % 100 picks the state.
    await client.query(`
      INSERT INTO subscriptions (id, user_id, plan_id, status, payment_method, service_ends_at, days_total, overrides,
                                 is_current, created_at, updated_at)
      SELECT 'bench-s-' || i, 'bench-u-' || i, 'bench-plan-' || (1 + i % 4),
             CASE WHEN i % 100 < 15 THEN 'pending' WHEN i % 100 < 30 THEN 'expired' WHEN i % 100 < 33 THEN 'canceled'
                  ELSE 'active' END,
             (ARRAY['paypal','offline','admin'])[1 + i % 3],
             CASE WHEN i % 100 < 15 THEN NULL
                  WHEN i % 100 < 30 THEN now() - (1 + (i * 13) % 200) * interval '1 day'
                  WHEN i % 100 < 33 THEN now() + ((i * 13) % 60 - 30) * interval '1 day'
                  ELSE now() + interval '1 hour' + ((i * 37) % 365) * interval '1 day' END,
             30 + (i * 11) % 700,
             CASE WHEN i % 100 = 50 THEN '{"limits":{"channels":50}}'::jsonb ELSE '{}'::jsonb END,
             true, now() - random() * interval '700 days', now()
      FROM generate_series(1, ${SIZES.users}) i WHERE i % 100 >= 8`);
    await client.query(`
      INSERT INTO subscriptions (id, user_id, plan_id, status, payment_method, service_ends_at, days_total, is_current,
                                 created_at, updated_at)
      SELECT 'bench-s-old-' || i, 'bench-u-' || (1 + (i * 2) % ${SIZES.users}), 'bench-plan-' || (1 + i % 3), 'expired',
             'offline', now() - (200 + i % 300) * interval '1 day', 30, false, now() - interval '800 days', now()
      FROM generate_series(1, 10000) i`);
    // Channels: power(random(), 2) puts a third of them on the first 10% of users (resellers) and few on the rest.
    await client.query(`
      INSERT INTO channels (id, user_id, channel_ref, name, phone, token_sealed, status, auth_status, mode, active_from,
                            expires_at, created_by, created_at, updated_at, deleted_at)
      SELECT 'bench-ch-' || i, 'bench-u-' || (1 + floor(power(random(), 2) * ${SIZES.users})::int),
             'BENCH-' || upper(to_hex(1000000 + i)),
             (ARRAY['Sales','Support','Marketing','Bookings','Orders','Main line','Branch','Delivery'])[1 + i % 8] || ' ' || i,
             CASE WHEN i % 10 = 9 THEN NULL ELSE '+9733' || lpad(((i * 7919) % 10000000)::text, 7, '0') END,
             $1,
             CASE WHEN i % 20 < 2 THEN 'pending' WHEN i % 20 < 6 THEN 'expired' ELSE 'active' END,
             (ARRAY['pending','qr_generated','disconnected','authorized','authorized','authorized','authorized',
                    'authorized','authorized','authorized'])[1 + (i / 3) % 10],
             CASE WHEN i % 20 < 2 THEN 'trial' ELSE 'live' END,
             CASE WHEN i % 20 < 2 THEN NULL ELSE created END,
             CASE WHEN i % 20 < 2 THEN NULL
                  WHEN i % 20 < 6 THEN now() - (1 + i % 90) * interval '1 day'
                  ELSE now() + (1 + i % 180) * interval '1 day' END,
             $2, created, created,
             CASE WHEN i % 25 = 0 THEN now() - interval '10 days' END
      FROM (SELECT i, now() - random() * interval '700 days' AS created FROM generate_series(1, ${SIZES.channels}) i) g`,
      [sealedToken, adminId],
    );
    await client.query(`
      INSERT INTO balance_transactions (type, days, channel_id, user_id, actor_id, note, op_id, created_at)
      SELECT t,
             CASE WHEN t = 'sync' THEN (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) * (1 + i % 40)
                  WHEN t = 'topup' THEN 100 * (1 + i % 20) ELSE 1 + i % 60 END,
             CASE WHEN t IN ('allocate','refund') THEN 'bench-ch-' || (1 + (i * 31) % ${SIZES.channels}) END,
             CASE WHEN t IN ('topup','sync') THEN NULL ELSE 'bench-u-' || (1 + (i * 17) % ${SIZES.users}) END,
             CASE WHEN i % 3 = 0 THEN NULL ELSE $1 END,
             CASE WHEN t = 'topup' THEN 'WHAPI invoice ' || i END,
             CASE WHEN t IN ('allocate','refund') THEN 'bench-op-' || i END,
             now() - (${SIZES.ledger} - i) * interval '10 minutes'
      FROM (SELECT i, (ARRAY['allocate','allocate','allocate','user_credit','user_credit','refund','user_debit','topup',
                             'sync','allocate'])[1 + i % 10] AS t
            FROM generate_series(1, ${SIZES.ledger}) i) g`,
      [adminId],
    );
    await client.query(`
      INSERT INTO audit_log (actor_id, action, target_type, target_id, target_label, reason, meta, ip, created_at)
      SELECT CASE WHEN a LIKE 'auth.%' THEN NULL WHEN a = 'payment.offline_submit' THEN 'bench-u-' || (1 + i % ${SIZES.users})
                  ELSE $1 END,
             a, split_part(a, '.', 1),
             CASE WHEN a LIKE 'channel.%' THEN 'bench-ch-' || (1 + i % ${SIZES.channels}) ELSE 'bench-u-' || (1 + i % ${SIZES.users}) END,
             'target ' || i, CASE WHEN a = 'user.ban' THEN 'Spam reports' END,
             jsonb_build_object('days', i % 60), '10.0.' || (i % 250) || '.' || (i % 200),
             now() - (${SIZES.audit} - i) * interval '10 minutes'
      FROM (SELECT i, (ARRAY['channel.create','channel.extend','channel.activate','user.days_adjust','payment.approve',
                             'payment.offline_submit','auth.sign_in_failed','user.ban','user.unban','channel.delete',
                             'balance.topup','user.overrides_update','plan.update','channel.reauthorize'])[1 + i % 14] AS a
            FROM generate_series(1, ${SIZES.audit}) i) g`,
      [adminId],
    );
    await client.query(`
      INSERT INTO user_offline_payments (user_id, plan_id, reference, status, days_credited, reviewed_by, reviewed_at,
                                         created_at, updated_at)
      SELECT 'bench-u-' || (1 + (i * 7) % ${SIZES.users}), 'bench-plan-' || (1 + i % 3), 'TRX-' || i,
             CASE WHEN i % 20 = 0 THEN 'pending' WHEN i % 20 = 1 THEN 'rejected' ELSE 'approved' END,
             CASE WHEN i % 20 > 1 THEN 30 END, CASE WHEN i % 20 > 0 THEN $1 END, CASE WHEN i % 20 > 0 THEN now() END,
             now() - i * interval '1 hour', now()
      FROM generate_series(1, ${SIZES.payments}) i`,
      [adminId],
    );
    await client.query(`INSERT INTO main_balance (id, days) VALUES (1, 25000) ON CONFLICT (id) DO UPDATE SET days = 25000`);
    // A steady-state database has been vacuumed (visibility map set for index-only scans) and analysed.
    await client.query('VACUUM ANALYZE');
  } finally {
    client.release();
  }
}

// ---- the requests ------------------------------------------------------------------------------------------------

export interface BenchCase {
  name: string;
  path: string;
  /** 'list' cases have the 50 ms p95 goal; the dashboard has 100 ms. */
  goalMs: number;
}

const LIST = 50;
export const CASES: BenchCase[] = [
  { name: 'users: page 1', path: '/api/admin/users', goalMs: LIST },
  { name: 'users: search email fragment', path: '/api/admin/users?q=alsalem', goalMs: LIST },
  { name: 'users: search one user', path: '/api/admin/users?q=18734%40', goalMs: LIST },
  { name: 'users: status=expired', path: '/api/admin/users?status=expired', goalMs: LIST },
  { name: 'users: status=banned', path: '/api/admin/users?status=banned', goalMs: LIST },
  { name: 'users: sort=channels', path: '/api/admin/users?sort=channels&order=desc', goalMs: LIST },
  { name: 'users: sort=daysRemaining asc', path: '/api/admin/users?sort=daysRemaining&order=asc', goalMs: LIST },
  { name: 'users: deep page 700', path: '/api/admin/users?page=700', goalMs: LIST },
  { name: 'channels: page 1', path: '/api/admin/channels', goalMs: LIST },
  { name: 'channels: search phone', path: '/api/admin/channels?search=%2B973%203612', goalMs: LIST },
  { name: 'channels: search user email', path: '/api/admin/channels?search=yusuf.haddad', goalMs: LIST },
  { name: 'channels: status=disconnected', path: '/api/admin/channels?status=disconnected', goalMs: LIST },
  { name: 'channels: billing=expired', path: '/api/admin/channels?billing=expired', goalMs: LIST },
  { name: 'channels: deep page 3500', path: '/api/admin/channels?page=3500', goalMs: LIST },
  { name: 'dashboard', path: '/api/admin/dashboard', goalMs: 100 },
  { name: 'balances/users: page 1', path: '/api/admin/balances/users', goalMs: LIST },
  { name: 'balances/users: search', path: '/api/admin/balances/users?search=mariam.k', goalMs: LIST },
  { name: 'ledger: page 1', path: '/api/admin/balances/transactions', goalMs: LIST },
  { name: 'ledger: type=user_debit', path: '/api/admin/balances/transactions?type=user_debit', goalMs: LIST },
  { name: 'ledger: user search', path: '/api/admin/balances/transactions?user=omar.nasser', goalMs: LIST },
  { name: 'ledger: deep page 3000', path: '/api/admin/balances/transactions?page=3000', goalMs: LIST },
  { name: 'audit: page 1', path: '/api/admin/audit', goalMs: LIST },
  { name: 'audit: action=user.ban', path: '/api/admin/audit?action=user.ban', goalMs: LIST },
  { name: 'audit: actor search', path: '/api/admin/audit?actor=bench-admin', goalMs: LIST },
  { name: 'audit: deep page 3000', path: '/api/admin/audit?page=3000', goalMs: LIST },
];

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

function percentiles(samples: number[], non2xx: number): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), non2xx };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** One request at a time: at most `count` requests or `seconds`, whichever comes first, after 3 warm-ups. */
async function sequential(url: string, cookie: string, count: number, seconds: number): Promise<Percentiles> {
  for (let i = 0; i < 3; i++) await fetch(url, { headers: { cookie } }).then((r) => r.arrayBuffer());
  const samples: number[] = [];
  let non2xx = 0;
  const until = performance.now() + seconds * 1000;
  while (samples.length < count && (samples.length < 10 || performance.now() < until)) {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (response.status < 200 || response.status > 299) non2xx += 1;
  }
  return percentiles(samples, non2xx);
}

/**
 * `connections` clients in a loop (autocannon), every response time recorded. The request count is sized from the
 * sequential median to last about `seconds`, and at least 20, so a slow case still completes whole requests.
 */
async function concurrent(url: string, cookie: string, connections: number, seconds: number, p50: number): Promise<Percentiles> {
  const samples: number[] = [];
  let non2xx = 0;
  const amount = Math.min(5000, Math.max(20, Math.ceil(((seconds * 1000) / Math.max(p50, 1)) * 2)));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, amount, headers: { cookie } }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      samples.push(responseTime);
      if (statusCode < 200 || statusCode > 299) non2xx += 1;
    });
  });
  return percentiles(samples, non2xx + result.errors + result.timeouts);
}

export interface CaseResult extends BenchCase {
  sequential: Percentiles;
  concurrent10: Percentiles;
}

export async function measureCases(
  base: string,
  cookie: string,
  options: { seconds: number; cases?: BenchCase[] },
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of options.cases ?? CASES) {
    const url = `${base}${c.path}`;
    const seq = await sequential(url, cookie, 40, options.seconds);
    const conc = await concurrent(url, cookie, 10, options.seconds, seq.p50);
    results.push({ ...c, sequential: seq, concurrent10: conc });
    console.log(
      `  ${c.name.padEnd(32)} seq p50/p95/p99 ${fmt(seq)}   10-conc p50/p95/p99 ${fmt(conc)}  ` +
        `(goal p95 ≤ ${c.goalMs} ms: ${seq.p95 <= c.goalMs ? 'met' : 'MISSED'} seq, ${conc.p95 <= c.goalMs ? 'met' : 'MISSED'} 10-conc)` +
        (seq.non2xx + conc.non2xx ? `  NON-2XX ${seq.non2xx + conc.non2xx}` : ''),
    );
  }
  return results;
}

function fmt(p: Percentiles): string {
  return `${p.p50}/${p.p95}/${p.p99} ms`.padEnd(22);
}

// ---- proposed indexes (measured here, applied by a migration by the lead) ---------------------------------------

/** Indexes proposed for the slow cases; the bench creates them on its own database for the "after" figures. */
export const PROPOSED_INDEXES: string[] = [
  // Admin → Channels sorts every page by created_at DESC, id DESC over the channels not deleted: without it each page
  // sorts all 100k rows.
  `CREATE INDEX IF NOT EXISTS channels_created_idx ON channels (created_at DESC, id DESC) WHERE deleted_at IS NULL`,
  // The ledger's order has id as a tie-breaker: (created_at DESC) alone makes the planner sort the whole ledger.
  `CREATE INDEX IF NOT EXISTS balance_transactions_created_id_idx ON balance_transactions (created_at DESC, id DESC)`,
];

export interface P4Result {
  data: typeof SIZES & { messages: string };
  seedMs: number;
  before: CaseResult[];
  after?: CaseResult[];
  proposedIndexes: string[];
}

/** Seeds a fresh database, measures every case, then (when indexes are proposed) creates them and measures again. */
export async function benchAdminLists(options: { adminUrl?: string; seconds?: number } = {}): Promise<P4Result> {
  const adminUrl = options.adminUrl ?? DEFAULT_ADMIN_URL;
  const seconds = options.seconds ?? 3;
  const db = await createBenchDatabase(adminUrl, 'p4');
  try {
    const bench = await startBenchApp(db.url);
    try {
      const admin = await signInAdmin(bench);
      const seedStarted = performance.now();
      const sealed = createSecretBox(bench.config.secretKey).seal(`bench-channel-token-${randomBytes(8).toString('hex')}`);
      await seedAdminLists(bench.database, admin.id, sealed);
      const seedMs = Math.round(performance.now() - seedStarted);
      console.log(
        `P4 seeded ${SIZES.users} users, ${SIZES.channels} channels, ${SIZES.ledger} ledger and ${SIZES.audit} audit rows ` +
          `in ${seedMs} ms (messages do not exist yet: not measured)`,
      );
      console.log('P4 before (indexes of the committed migrations):');
      const before = await measureCases(bench.base, admin.cookie, { seconds });
      const result: P4Result = {
        data: { ...SIZES, messages: 'not measured: the product has no messages table yet' },
        seedMs,
        before,
        proposedIndexes: PROPOSED_INDEXES,
      };
      if (PROPOSED_INDEXES.length > 0) {
        for (const statement of PROPOSED_INDEXES) await bench.database.pool.query(statement);
        await bench.database.pool.query('ANALYZE');
        console.log(`P4 after creating the ${PROPOSED_INDEXES.length} proposed indexes:`);
        result.after = await measureCases(bench.base, admin.cookie, { seconds });
      }
      return result;
    } finally {
      await bench.close();
    }
  } finally {
    await db.drop();
  }
}

// `npx tsx bench/p4-admin-lists.ts` runs P4 alone; bench/run.ts runs it with the others.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchAdminLists({
    adminUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL,
    seconds: Number(process.env.BENCH_P4_SECONDS ?? 3),
  });
  if (process.env.BENCH_P4_JSON) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.BENCH_P4_JSON, `${JSON.stringify(result, null, 2)}\n`);
  }
  process.exit(0);
}
