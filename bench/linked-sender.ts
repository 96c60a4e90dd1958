import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SubscriptionOverrides } from '../src/server/db/schema/index';
import { findFreePort } from '../src/server/db/embedded';
import { changeMainBalance } from '../src/server/features/balances/change-main-balance';
import { signInAdmin, startBenchApp, type BenchApp } from './p4-admin-lists';

// P2 and P3 need what tests/integration/messaging-fixtures.ts builds: a user on a plan whose channel is active (days
// allocated by the admin API) and linked (phone scanned at the WHAPI simulator). The simulator runs in its own
// process, as WHAPI would: its CPU and its memory (it keeps every message) are not the app's, and its RSS is read apart.

export interface SimProcess {
  url: string;
  partnerToken: string;
  /** Resident memory of the simulator process (Linux /proc), in bytes; NaN once it has exited. */
  rss(): number;
  /** Whether the simulator process has died (a run that measured against a dead simulator measured nothing). */
  exited(): boolean;
  close(): Promise<void>;
}

export async function startSimProcess(): Promise<SimProcess> {
  const port = await findFreePort();
  const partnerToken = `bench-partner-${randomBytes(12).toString('hex')}`;
  // NODE_OPTIONS is the app's tuning (e.g. a heap cap under test); the simulator stands in for WHAPI and holds every
  // message in memory, so it does not inherit it.
  const { NODE_OPTIONS: _appTuning, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/whapi-sim-process.ts'], {
    env: { ...env, PORT: String(port), SIM_PARTNER_TOKEN: partnerToken },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error('the WHAPI simulator did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the WHAPI simulator exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.stdout!.resume();
  // A bench that stops half-way (an error, process.exit) does not leave the simulator running.
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  return {
    url: `http://127.0.0.1:${port}`,
    partnerToken,
    rss() {
      if (child.exitCode !== null || child.signalCode !== null) return NaN;
      const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
      return line ? Number(line[1]) * 1024 : NaN;
    },
    exited: () => (child.exitCode ?? child.signalCode) !== null,
    async close() {
      process.off('exit', stop);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The app on `databaseUrl` with a fixed port, so the simulator's webhooks (the phone link) reach it. */
export async function startMessagingApp(databaseUrl: string, sim: SimProcess): Promise<BenchApp> {
  const port = await findFreePort();
  // The job runner is on (enqueue writes pg-boss jobs in the business transaction) but works nothing (work: false).
  return startBenchApp(databaseUrl, {
    jobs: true,
    port,
    env: { APP_URL: `http://127.0.0.1:${port}`, WHAPI_PARTNER_URL: sim.url, WHAPI_GATE_URL: sim.url },
  });
}

type Api = (method: string, path: string, body?: unknown) => Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function apiAs(bench: BenchApp, cookie: string): Api {
  return async (method, path, body) => {
    const response = await fetch(`${bench.base}${path}`, {
      method,
      headers: { cookie, origin: bench.config.appUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : {};
  };
}

/** WHAPI configured by the admin (partner token, default project) and days in the main balance for `channels`. */
export async function prepareAdmin(bench: BenchApp, sim: SimProcess, channels: number): Promise<Api> {
  const admin = apiAs(bench, (await signInAdmin(bench)).cookie);
  await admin('PATCH', '/api/admin/settings/whapi', { partnerToken: sim.partnerToken, partnerName: 'omniplus' });
  const { projects } = await admin('GET', '/api/admin/settings/whapi/projects');
  const project = (projects as { id: string; isDefault: boolean }[]).find((p) => p.isDefault);
  if (!project) throw new Error('the WHAPI simulator has no default project');
  await admin('PATCH', '/api/admin/settings/whapi', { projectId: project.id });
  await bench.database.db.transaction((tx) => changeMainBalance(tx, { type: 'topup', days: 30 * channels, actorId: null, note: 'bench top-up' }));
  await bench.database.pool.query(
    `INSERT INTO plans (id, name, monthly_price_minor, billing_period, request_type, status, sort_order, limit_daily,
                        limit_bulk, limit_channels, limit_chatbots)
     VALUES ('bench-msg-plan', 'Bench messaging', 4900, 'monthly', 'paid', 'published', 1, 500, 1000, 5, 1)
     ON CONFLICT (id) DO NOTHING`,
  );
  return admin;
}

export interface LinkedSender {
  userId: string;
  cookie: string;
  channelId: string;
  channelRef: string;
}

/**
 * A signed-up user on the bench plan with `limits` overridden (-1 = unlimited) and the messaging pages granted,
 * and one channel created by the admin, extended by 30 days and linked at the simulator.
 */
export async function linkedSender(bench: BenchApp, sim: SimProcess, admin: Api, limits: SubscriptionOverrides['limits']): Promise<LinkedSender> {
  const signUp = await fetch(`${bench.base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: bench.config.appUrl },
    body: JSON.stringify({ name: 'Bench Sender', email: `bench-sender-${randomBytes(4).toString('hex')}@example.com`, password: 'bench-password-1' }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const userId = ((await signUp.json()) as { user: { id: string } }).user.id;
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const overrides: SubscriptionOverrides = { limits, pageAccess: { send: true, bulk: true, outbox: true } };
  await bench.database.pool.query(
    `INSERT INTO subscriptions (user_id, plan_id, status, payment_method, service_ends_at, days_total, overrides, is_current)
     VALUES ($1, 'bench-msg-plan', 'active', 'admin', now() + interval '30 days', 30, $2, true)`,
    [userId, JSON.stringify(overrides)],
  );
  const { channel } = await admin('POST', '/api/admin/channels', { userId, name: 'Bench line', phone: '+97336123456' });
  await admin('POST', `/api/admin/channels/${channel.id}/extend`, { days: 30 });
  const link = await fetch(`${sim.url}/__sim/channels/${channel.channelRef}/link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: '97336123456' }),
  });
  if (!link.ok) throw new Error(`sim link failed: ${link.status} ${await link.text()}`);
  // The link reaches the app as webhooks; wait until the channel says so.
  for (let i = 0; i < 500; i++) {
    const { rows } = await bench.database.pool.query(`SELECT auth_status FROM channels WHERE id = $1`, [channel.id]);
    if (rows[0]?.auth_status === 'authorized') return { userId, cookie, channelId: channel.id, channelRef: channel.channelRef };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`channel ${channel.channelRef} was not authorized within 10 s`);
}
