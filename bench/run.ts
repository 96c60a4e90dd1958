import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, startHelloWorld } from './p1-guarded-route';
import { signInScriptWeight } from './p5-sign-in-weight';
import { timeStartUp } from './p6-start-up';
import { benchAdminLists } from './p4-admin-lists';
import { ensureWebBuild } from '../src/server/web-build';

// npm run bench — QUALITY P1, P2, P3, P4, P5, P6 and W3 measured in one run on this machine; figures are ratios or
// sizes, and the goals are printed beside them. Everything targets 127.0.0.1 only.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dataDir = mkdtempSync(join(tmpdir(), 'omniplus-bench-'));
chmodSync(dataDir, 0o755);
const port = 3950;
const results: Record<string, unknown> = { at: new Date().toISOString(), seconds: SECONDS };

// A stale SPA would be rebuilt by the first start and distort P6.
await ensureWebBuild(process.cwd(), { info: (m) => console.log(m) });

try {
  // P6 first: a cold start creates the database, a second start reuses it.
  const firstStartMs = await timeStartUp({ DATA_DIR: dataDir }, port);
  const warmStartMs = await timeStartUp({ DATA_DIR: dataDir }, port);
  results.p6 = { firstStartMs, warmStartMs, goal: 'warm ≤ 5000 ms, first ≤ 20000 ms' };
  console.log(`P6 start-up: first ${firstStartMs} ms, existing data dir ${warmStartMs} ms (goal ≤ 5000 / ≤ 20000)`);

  const { spawn } = await import('node:child_process');
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), APP_URL: `http://localhost:${port}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const base = `http://localhost:${port}`;
    for (let i = 0; i < 200 && !(await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const signUp = await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ name: 'Bench', email: `bench-${Date.now()}@example.com`, password: 'bench-password' }),
    });
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    const hello = await startHelloWorld();
    const baseline = await load(hello.url, {}, SECONDS);
    await hello.close();
    const me = await load(`http://127.0.0.1:${port}/api/me`, { cookie }, SECONDS);
    const ratio = me.requestsPerSecond / baseline.requestsPerSecond;
    results.p1 = { baseline, me, ratio, goal: 'ratio ≥ 0.35, p99 < 50 ms, 0 errors' };
    console.log(
      `P1 GET /api/me: ${me.requestsPerSecond.toFixed(0)} req/s (p99 ${me.p99Ms} ms, errors ${me.errors}, non-2xx ${me.non2xx}) ` +
        `vs hello-world ${baseline.requestsPerSecond.toFixed(0)} req/s (p99 ${baseline.p99Ms} ms): ratio ${ratio.toFixed(2)} (goal ≥ 0.35)`,
    );

    if (existsSync(chromium)) {
      const weight = await signInScriptWeight(base, chromium);
      results.p5 = { ...weight, goal: '≤ 256000 bytes gzip' };
      console.log(`P5 sign-in page JS: ${(weight.totalGzipBytes / 1024).toFixed(1)} KiB gzip in ${weight.scripts.length} files (goal ≤ 250 KB)`);
    } else console.log(`P5 skipped: no Chromium at ${chromium}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

// P4 on its own fresh database of the machine PostgreSQL (BENCH_DATABASE_URL), with the app in this process.
const p4 = await benchAdminLists({
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  seconds: Number(process.env.BENCH_P4_SECONDS ?? 3),
});
results.p4 = { ...p4, goal: 'p95 ≤ 50 ms for search/filter/page, ≤ 100 ms for the dashboard' };

// W3 on its own fresh database, the app in this process wired to the WHAPI and PayPal simulators on 127.0.0.1.
const { benchWebhookAck } = await import('./w3-webhook-ack');
results.w3 = await benchWebhookAck({
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  seconds: Number(process.env.BENCH_W3_SECONDS ?? 20),
});

// P2 on its own fresh database, the app in this process, the WHAPI simulator in a child process.
const { benchSendMessage } = await import('./p2-send-message');
results.p2 = await benchSendMessage({
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  seconds: SECONDS,
  senders: Number(process.env.BENCH_P2_SENDERS ?? 10),
});

// P3 in a process of its own: its RSS goal is about the app and dispatcher, not about what the runs above left here.
{
  const { execFileSync } = await import('node:child_process');
  const { readFileSync } = await import('node:fs');
  const p3Json = join(tmpdir(), `omniplus-bench-p3-${process.pid}.json`);
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/p3-bulk-campaign.ts'], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_P3_JSON: p3Json },
  });
  results.p3 = JSON.parse(readFileSync(p3Json, 'utf8'));
  rmSync(p3Json, { force: true });
}

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('written bench/results/latest.json');
