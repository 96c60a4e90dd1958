import type { z } from 'zod';
import type { Db } from '../db/connect';

export interface JobContext {
  db: Db;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/**
 * A job's name and payload schema: enough to enqueue it. Features that enqueue import the ref, never the handler,
 * so a handler may live in a feature while the runner stays ignorant of features (decision 011).
 */
export interface JobRef<Name extends string = string, Payload extends z.ZodType = z.ZodType> {
  name: Name;
  payload: Payload;
}

/**
 * A job is a ref plus a handler (and an optional schedule). Handlers must be safe to run twice: pg-boss delivers
 * at least once.
 */
export interface JobDefinition<Name extends string = string, Payload extends z.ZodType = z.ZodType>
  extends JobRef<Name, Payload> {
  /** Cron expression (UTC) for jobs that run on a schedule. */
  cron?: string;
  retryLimit?: number;
  /**
   * Seconds before the first retry (pg-boss `retryDelay`, default 0). Queues use pg-boss's `retryBackoff`, so
   * retry n (1-based) waits a random time in [d·2^(n-1), d·2^n] seconds: doubling, with up to 100 % jitter.
   */
  retryDelaySeconds?: number;
  /** A run still going after this many seconds is failed by pg-boss and counts as an attempt (default 15 min). */
  expireInSeconds?: number;
  /** After the last retry fails, pg-boss sends the same payload to this job (pg-boss `deadLetter`). */
  deadLetter?: JobRef;
  handler(payload: z.infer<Payload>, context: JobContext, meta: JobMeta): Promise<void>;
}

/** What pg-boss knows about one delivery of a job, beyond its payload. */
export interface JobMeta {
  /** For a dead-letter job: the error the original job's last attempt failed with; otherwise null. */
  failure: string | null;
}

export function defineJobRef<Name extends string, Payload extends z.ZodType>(name: Name, payload: Payload): JobRef<Name, Payload> {
  return { name, payload };
}

export function defineJob<Name extends string, Payload extends z.ZodType>(
  definition: JobDefinition<Name, Payload>,
): JobDefinition<Name, Payload> {
  return definition;
}
