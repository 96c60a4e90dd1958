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
  handler(payload: z.infer<Payload>, context: JobContext): Promise<void>;
}

export function defineJobRef<Name extends string, Payload extends z.ZodType>(name: Name, payload: Payload): JobRef<Name, Payload> {
  return { name, payload };
}

export function defineJob<Name extends string, Payload extends z.ZodType>(
  definition: JobDefinition<Name, Payload>,
): JobDefinition<Name, Payload> {
  return definition;
}
