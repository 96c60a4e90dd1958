import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Db, Tx } from '../db/connect';
import type { JobContext, JobDefinition, JobMeta, JobRef } from './define-job';

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists if and only if the business write commits. */
  tx?: Tx;
  /** Run no earlier than this many seconds from now. */
  delaySeconds?: number;
  /**
   * Stored with the job. Our queues use pg-boss's `standard` policy, on which the key does NOT prevent a second job
   * (measured: two sends, two jobs); every handler is safe to run twice, and campaign dispatchers hold a lease.
   */
  singletonKey?: string;
}

export interface JobRunner {
  enqueue<P extends z.ZodType>(job: JobRef<string, P>, payload: z.input<P>, options?: EnqueueOptions): Promise<string | null>;
  /** Runs a job's handler now, in this process (tests, admin "run now"); `meta` as pg-boss would pass it. */
  runNow<P extends z.ZodType>(job: JobRef<string, P>, payload: z.input<P>, meta?: Partial<JobMeta>): Promise<void>;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  url: string;
  db: Db;
  log: JobContext['log'] & { error(obj: object, msg: string): void };
  /** Every job this process knows (src/server/job-registry.ts). */
  jobs: readonly JobDefinition[];
  /** Workers and schedules run only where ROLE is `all` or `worker`; `web` processes only enqueue. */
  work: boolean;
  /** How often an idle worker asks for jobs (pg-boss default 2 s; at least 0.5). */
  pollingIntervalSeconds?: number;
}

// pg-boss runs its INSERT through this when a job must commit with the business write: the transaction's own
// connection, reached through drizzle's node-postgres session.
function transactionExecutor(tx: Tx): PgBoss.Db {
  const client = (tx as unknown as { session: { client: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } } })
    .session.client;
  return { executeSql: (text, values) => client.query(text, values) as Promise<{ rows: unknown[] }> } as PgBoss.Db;
}

/** The queue options pg-boss stores for a job; new jobs copy them when they are sent. */
export function queueOptionsOf(job: JobDefinition): PgBoss.Queue {
  return {
    name: job.name,
    retryLimit: job.retryLimit ?? 5,
    retryBackoff: true,
    ...(job.retryDelaySeconds !== undefined ? { retryDelay: job.retryDelaySeconds } : {}),
    ...(job.expireInSeconds !== undefined ? { expireInSeconds: job.expireInSeconds } : {}),
    ...(job.deadLetter ? { deadLetter: job.deadLetter.name } : {}),
  };
}

/** pg-boss keeps a failed run's error as its output ({message, stack, …}, or {value: {message}} on a timeout). */
function failureOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const found = output as { message?: unknown; value?: unknown };
  if (typeof found.message === 'string') return found.message;
  if (found.value && typeof found.value === 'object') return failureOf(found.value);
  return typeof found.value === 'string' ? found.value : null;
}

export async function startJobRunner({ url, db, log, jobs, work, pollingIntervalSeconds }: JobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, supervise: work, schedule: work });
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  const context: JobContext = { db, log };
  const byName = new Map<string, JobDefinition>(jobs.map((job) => [job.name, job]));
  const find = (name: string): JobDefinition => {
    const job = byName.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    return job;
  };

  // Dead-letter queues first: a queue's dead_letter refers to an existing queue.
  const ordered = [...byName.values()].sort((a, b) => Number(Boolean(a.deadLetter)) - Number(Boolean(b.deadLetter)));
  for (const job of ordered) {
    if (job.deadLetter) find(job.deadLetter.name);
    const options = queueOptionsOf(job);
    await boss.createQueue(job.name, options);
    // createQueue leaves an existing queue as it was: bring its retry policy up to date too.
    await boss.updateQueue(job.name, options);
    if (!work) continue;
    await boss.work(job.name, { includeMetadata: true, ...(pollingIntervalSeconds ? { pollingIntervalSeconds } : {}) }, async (batch) => {
      for (const item of batch) await job.handler(job.payload.parse(item.data), context, { failure: failureOf(item.output) });
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
  }

  return {
    async enqueue(ref, payload, options = {}) {
      const job = find(ref.name);
      return boss.send(job.name, job.payload.parse(payload) as object, {
        ...(options.tx ? { db: transactionExecutor(options.tx) } : {}),
        ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      });
    },
    async runNow(ref, payload, meta = {}) {
      const job = find(ref.name);
      await job.handler(job.payload.parse(payload), context, { failure: meta.failure ?? null });
    },
    async stop() {
      // Graceful: workers finish the job in hand before the process exits.
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
