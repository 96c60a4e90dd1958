import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { normalizeRecipient } from '../src/contracts/messaging';
import { channelDeps } from '../src/server/features/channels/channel-deps';
import { gateFor } from '../src/server/features/channels/channel-whapi';
import { dispatchCampaign } from '../src/server/features/messaging/dispatch-campaign';
import type { MessagingDeps } from '../src/server/features/messaging/messaging-deps';
import { apiAs, linkedSender, prepareAdmin, startMessagingApp, startSimProcess, type SimProcess } from './linked-sender';
import { describeProbe, startLoadProbe, type LoadProbe } from './load-probe';
import { describeMemory, startMemorySampler, type PhaseMemory } from './memory-sampler';
import { createBenchDatabase, DEFAULT_ADMIN_URL, type BenchApp } from './p4-admin-lists';

// QUALITY P3: one campaign of 100,000 recipients from a CSV text, POSTed to /api/campaigns (accepted in ≤ 10 s), then
// dispatched to the WHAPI simulator with pacing off (≥ 500 msg/s), RSS ≤ 400 MB. The app runs in this process on a
// fresh database of the machine PostgreSQL (its job runner enqueues but works nothing) and dispatchCampaign runs here
// too, as a worker would run the campaign's job: one dispatcher (the campaign's lease allows no second one), handing
// over to itself every `budgetMs` like the job does. The simulator runs in its own process, as WHAPI would; it keeps
// every message in memory and sends two webhooks per message (messages.post, statuses.post) back to this app, which
// stores and applies them while dispatching — but one at a time per URL, so only a part of them arrive during the run
// (the output says how many). Its RSS and its answer times are printed apart.

const GOALS = { acceptMs: 10_000, messagesPerSecond: 500, rssBytes: 400 * 1024 * 1024 };
const MB = 1024 * 1024;

export interface DispatchSetting {
  batchSize: number;
  concurrency: number;
}

interface Window {
  /** seconds since dispatch started, at the window's end */
  atSeconds: number;
  messagesPerSecond: number;
  simP50Ms: number;
  simP99Ms: number;
}

export interface P3Result {
  recipients: number;
  accept: { ms: number; status: number; csvBytes: number; memory: PhaseMemory };
  dispatch: {
    setting: DispatchSetting;
    ms: number;
    messagesPerSecond: number;
    runs: number;
    outcome: string;
    statuses: Record<string, number>;
    memory: PhaseMemory;
    windows: Window[];
    probe: LoadProbe;
    /** The simulator's own process at the end (it keeps every message). */
    simRssMb: number;
    /** WHAPI webhooks the app had stored when the campaign completed, of 2 per message. */
    webhooksStored: number;
  };
  goal: string;
}

/**
 * `count` distinct, valid US numbers in San Francisco's 415 area (exchanges 200–999), as a CSV with a header row and
 * a name column — the number written with spaces, as people export them. Each is checked with the app's own rule.
 */
export function recipientsCsv(count: number): string {
  const lines = ['phone,name'];
  for (let i = 0; i < count; i++) {
    const exchange = 200 + Math.floor(i / 10_000);
    const line = String(i % 10_000).padStart(4, '0');
    const written = `+1 415 ${exchange} ${line}`;
    if (exchange > 999 || !normalizeRecipient(written)) throw new Error(`bench recipient ${written} is not a valid number`);
    lines.push(`${written},Customer ${i + 1}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The app's WHAPI door, with each send to the simulator counted and timed (nothing else changes). */
function timedDeps(bench: BenchApp) {
  const base = channelDeps(bench.services);
  const sends: { at: number; ms: number }[] = [];
  const deps: MessagingDeps = {
    ...base,
    gate(channel) {
      const gate = gateFor(base, channel);
      return {
        ...gate,
        async sendText(input) {
          const started = performance.now();
          const result = await gate.sendText(input);
          sends.push({ at: performance.now(), ms: performance.now() - started });
          return result;
        },
      };
    },
  };
  return { deps, sends };
}

function percentile(sorted: number[], q: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN) * 10) / 10;
}

/** Throughput and the simulator's answer times per `seconds` window: shows whether sending slows down as it goes. */
function windowsOf(sends: { at: number; ms: number }[], started: number, seconds: number): Window[] {
  const windows: Window[] = [];
  const size = seconds * 1000;
  for (let from = started, i = 0; i < sends.length; from += size) {
    const times: number[] = [];
    while (i < sends.length && sends[i]!.at < from + size) times.push(sends[i++]!.ms);
    times.sort((a, b) => a - b);
    windows.push({
      atSeconds: Math.round((from + size - started) / 1000),
      messagesPerSecond: Math.round(times.length / seconds),
      simP50Ms: percentile(times, 0.5),
      simP99Ms: percentile(times, 0.99),
    });
  }
  return windows;
}

/** Whether the simulator slowed down as its memory filled, and how far its webhooks lagged behind the sends. */
function describeSimulator(windows: Window[], simRssMb: number, webhooksStored: number, sent: number): string {
  const first = windows[0];
  const last = windows.length > 2 ? windows[windows.length - 2] : undefined; // the last window is partial
  const slower = first && last && last.simP50Ms > first.simP50Ms * 1.5;
  return (
    `P3 simulator: keeps every message, and every webhook not yet delivered, in memory (its process: ${simRssMb} MB at the end); ` +
    `send answered in p50/p99 ${first?.simP50Ms}/${first?.simP99Ms} ms in the first 10 s` +
    (last ? `, ${last.simP50Ms}/${last.simP99Ms} ms at ${last.atSeconds} s (${first?.messagesPerSecond} → ${last.messagesPerSecond} msg/s): ` : ': ') +
    (slower ? 'it SLOWED DOWN as it filled' : 'it did not slow down') +
    `.\n   It delivers webhooks one at a time per URL, so the app had stored only ${webhooksStored} of the ${2 * sent} WHAPI ` +
    `webhooks (messages.post + statuses.post per message) when the campaign completed: WHAPI's own delivery would add that load.`
  );
}

async function whapiWebhooks(bench: BenchApp): Promise<number> {
  const { rows } = await bench.database.pool.query(`SELECT count(*)::int AS n FROM webhook_events WHERE source = 'whapi_channel'`);
  return rows[0].n;
}

async function statusCounts(bench: BenchApp, campaignId: string): Promise<Record<string, number>> {
  const { rows } = await bench.database.pool.query<{ status: string; n: number }>(
    `SELECT status, count(*)::int AS n FROM outbox_messages WHERE campaign_id = $1 GROUP BY status`,
    [campaignId],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

export async function benchBulkCampaign(
  options: { adminUrl?: string; recipients?: number; setting?: Partial<DispatchSetting>; budgetMs?: number } = {},
): Promise<P3Result> {
  const recipients = options.recipients ?? 100_000;
  const setting: DispatchSetting = { batchSize: options.setting?.batchSize ?? 50, concurrency: options.setting?.concurrency ?? 10 };
  const csv = recipientsCsv(recipients);
  const db = await createBenchDatabase(options.adminUrl ?? DEFAULT_ADMIN_URL, 'p3');
  const sim: SimProcess = await startSimProcess();
  const memory = startMemorySampler();
  try {
    const bench = await startMessagingApp(db.url, sim);
    try {
      const admin = await prepareAdmin(bench, sim, 1);
      const sender = await linkedSender(bench, sim, admin, { daily: -1, bulk: -1 });
      const user = apiAs(bench, sender.cookie);

      // ---- accept: the whole list parsed, charged and written as outbox rows in one request ----
      memory.phase('accept');
      const acceptStarted = performance.now();
      const response = await fetch(`${bench.base}/api/campaigns`, {
        method: 'POST',
        headers: { cookie: sender.cookie, origin: bench.config.appUrl, 'content-type': 'application/json' },
        body: JSON.stringify({ channelId: sender.channelId, name: 'Bench campaign', body: 'Our summer sale starts today.', recipients: csv, intervalSeconds: 0 }),
      });
      const reply = await response.text();
      const acceptMs = Math.round(performance.now() - acceptStarted);
      memory.phase(null);
      if (response.status !== 201) throw new Error(`POST /api/campaigns: ${response.status} ${reply}`);
      const campaign = (JSON.parse(reply) as { campaign: { id: string; total: number } }).campaign;
      if (campaign.total !== recipients) throw new Error(`the campaign holds ${campaign.total} recipients, not ${recipients}`);
      const accept = { ms: acceptMs, status: response.status, csvBytes: Buffer.byteLength(csv), memory: memory.of('accept') };
      console.log(
        `P3 accept: ${recipients} recipients (${(accept.csvBytes / MB).toFixed(1)} MB of CSV) → 201 in ${acceptMs} ms ` +
          `(goal ≤ ${GOALS.acceptMs} ms: ${acceptMs <= GOALS.acceptMs ? 'met' : 'MISSED'}); max RSS ${describeMemory(accept.memory)}`,
      );

      // ---- dispatch: one dispatcher, pacing off, until the campaign completes ----
      const { deps, sends } = timedDeps(bench);
      const webhooksBefore = await whapiWebhooks(bench);
      memory.phase('dispatch');
      const probe = startLoadProbe(bench.database.pool, 250);
      const dispatchStarted = performance.now();
      let outcome = 'handed_over';
      let runs = 0;
      // A job that runs out of its budget hands over to a fresh one; a worker picks that up at its next poll of
      // pg-boss (about 2 s), this loop at once.
      while (outcome === 'handed_over') {
        runs += 1;
        outcome = await dispatchCampaign(deps, campaign.id, { ...setting, budgetMs: options.budgetMs ?? 50_000 });
      }
      const dispatchMs = performance.now() - dispatchStarted;
      if (sim.exited()) throw new Error(`the WHAPI simulator process died during dispatch (after ${sends.length} sends): nothing was measured`);
      const load = await probe.stop();
      memory.phase(null);
      const statuses = await statusCounts(bench, campaign.id);
      const sent = (statuses.sent ?? 0) + (statuses.delivered ?? 0) + (statuses.read ?? 0);
      const webhooksStored = (await whapiWebhooks(bench)) - webhooksBefore;
      const final = await user('GET', `/api/campaigns/${campaign.id}`);
      const windows = windowsOf(sends, dispatchStarted, 10);
      const dispatch = {
        setting,
        ms: Math.round(dispatchMs),
        messagesPerSecond: Math.round(sent / (dispatchMs / 1000)),
        runs,
        outcome: `${outcome} (campaign ${final.campaign.status})`,
        statuses,
        memory: memory.of('dispatch'),
        windows,
        probe: load,
        simRssMb: Math.round(sim.rss() / MB),
        webhooksStored,
      };
      const maxRss = Math.max(accept.memory.maxRssMb, dispatch.memory.maxRssMb);
      console.log(
        `P3 dispatch (batchSize ${setting.batchSize}, concurrency ${setting.concurrency}, ${runs} job run(s)): ${sent} of ${recipients} sent ` +
          `in ${(dispatchMs / 1000).toFixed(1)} s = ${dispatch.messagesPerSecond} msg/s (goal ≥ ${GOALS.messagesPerSecond}: ` +
          `${dispatch.messagesPerSecond >= GOALS.messagesPerSecond && sent === recipients ? 'met' : 'MISSED'}); ended ${dispatch.outcome}; ` +
          `statuses ${JSON.stringify(statuses)}`,
      );
      console.log(
        `P3 RSS of this process (app + dispatcher), max: accepting ${describeMemory(accept.memory)}; ` +
          `dispatching ${describeMemory(dispatch.memory)} (goal ≤ ${GOALS.rssBytes / MB} MB: ${maxRss * MB <= GOALS.rssBytes ? 'met' : 'MISSED'})`,
      );
      console.log(describeSimulator(windows, dispatch.simRssMb, dispatch.webhooksStored, sent));
      console.log(`   during dispatch: ${describeProbe(load)}`);
      return { recipients, accept, dispatch, goal: 'accepted ≤ 10 s; ≥ 500 msg/s with pacing off; RSS ≤ 400 MB' };
    } finally {
      await bench.close();
    }
  } finally {
    memory.stop();
    await sim.close();
    await db.drop();
  }
}

// `npx tsx bench/p3-bulk-campaign.ts` runs P3 alone. BENCH_P3_RECIPIENTS scales the list down on a slow machine;
// BENCH_P3_BATCH and BENCH_P3_CONCURRENCY set the dispatcher (defaults: the product's own, 50 and 10).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchBulkCampaign({
    adminUrl: process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL,
    recipients: Number(process.env.BENCH_P3_RECIPIENTS ?? 100_000),
    setting: {
      ...(process.env.BENCH_P3_BATCH ? { batchSize: Number(process.env.BENCH_P3_BATCH) } : {}),
      ...(process.env.BENCH_P3_CONCURRENCY ? { concurrency: Number(process.env.BENCH_P3_CONCURRENCY) } : {}),
    },
  });
  if (process.env.BENCH_P3_JSON) {
    writeFileSync(process.env.BENCH_P3_JSON, `${JSON.stringify(result, null, 2)}\n`);
  }
  process.exit(0);
}
