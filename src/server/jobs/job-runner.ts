import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '../db/connect';
import type { JobContext, JobDefinition } from './define-job';
import { JOBS, type JobName } from './registry';

type PayloadOf<N extends JobName> = z.input<Extract<(typeof JOBS)[number], { name: N }>['payload']>;

export interface JobRunner {
  enqueue<N extends JobName>(name: N, payload: PayloadOf<N>): Promise<string | null>;
  /** Runs a job's handler now, in this process (tests, admin "run now"). */
  runNow<N extends JobName>(name: N, payload: PayloadOf<N>): Promise<void>;
  stop(): Promise<void>;
}

export interface JobRunnerOptions {
  url: string;
  db: Db;
  log: JobContext['log'] & { error(obj: object, msg: string): void };
  /** Workers and schedules run only where ROLE is `all` or `worker`; `web` processes only enqueue. */
  work: boolean;
}

export async function startJobRunner({ url, db, log, work }: JobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 4, supervise: work, schedule: work });
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  const context: JobContext = { db, log };
  const byName = new Map<string, JobDefinition>(JOBS.map((job) => [job.name, job as unknown as JobDefinition]));

  for (const job of byName.values()) {
    await boss.createQueue(job.name, { name: job.name, retryLimit: job.retryLimit ?? 5, retryBackoff: true });
    if (!work) continue;
    await boss.work(job.name, async (batch) => {
      for (const item of batch) await job.handler(job.payload.parse(item.data), context);
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
  }

  const find = (name: string): JobDefinition => {
    const job = byName.get(name);
    if (!job) throw new Error(`unknown job ${name}`);
    return job;
  };

  return {
    async enqueue(name, payload) {
      const job = find(name);
      return boss.send(name, job.payload.parse(payload) as object);
    },
    async runNow(name, payload) {
      const job = find(name);
      await job.handler(job.payload.parse(payload), context);
    },
    async stop() {
      // Graceful: workers finish the job in hand before the process exits.
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
