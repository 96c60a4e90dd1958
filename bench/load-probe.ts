import { cpus } from 'node:os';
import type pg from 'pg';

// What the machine and the database were doing during a measured phase, printed beside P2/P3's figures so a missed
// goal says where the time went: CPU (this process, the whole machine) and what the app's PostgreSQL sessions were
// waiting on (a hot row lock shows as Lock:transactionid, a busy app as "idle in transaction" ClientRead).

export interface LoadProbe {
  /** This process's CPU (all its threads) over the phase, in cores: 1 = one core busy all the time. */
  processCores: number;
  /** The machine's busy share of all its cores, 0..1. */
  machineBusy: number;
  cores: number;
  /** Share of samples per `state wait_event_type:wait_event` of the app database's other sessions, top first. */
  waits: { what: string; share: number }[];
}

function machineTimes() {
  return cpus().reduce(
    (sum, cpu) => {
      const { idle, user, nice, sys, irq } = cpu.times;
      return { idle: sum.idle + idle, total: sum.total + idle + user + nice + sys + irq };
    },
    { idle: 0, total: 0 },
  );
}

export function startLoadProbe(pool: pg.Pool, everyMs = 50): { stop(): Promise<LoadProbe> } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const machine = machineTimes();
  const counts = new Map<string, number>();
  let samples = 0;
  let sampling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sampling = pool
      .query<{ what: string }>(
        `SELECT state || ' ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS what FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'`,
      )
      .then(({ rows }) => {
        samples += 1;
        for (const row of rows) counts.set(row.what, (counts.get(row.what) ?? 0) + 1);
      })
      .catch(() => undefined);
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      const wallMs = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const now = machineTimes();
      const total = now.total - machine.total;
      return {
        processCores: Math.round(((used.user + used.system) / 1000 / wallMs) * 100) / 100,
        machineBusy: total > 0 ? Math.round((1 - (now.idle - machine.idle) / total) * 100) / 100 : NaN,
        cores: cpus().length,
        // Per sample: how many sessions were in each state on average.
        waits: [...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([what, n]) => ({ what, share: Math.round((n / Math.max(1, samples)) * 10) / 10 })),
      };
    },
  };
}

export function describeProbe(probe: LoadProbe): string {
  const waits = probe.waits.map((w) => `${w.what} ×${w.share}`).join(', ') || 'none';
  return (
    `this process ${probe.processCores} cores, machine ${Math.round(probe.machineBusy * 100)}% busy of ${probe.cores} cores; ` +
    `app DB sessions on average: ${waits}`
  );
}
