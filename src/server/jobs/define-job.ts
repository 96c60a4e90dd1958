import type { z } from 'zod';
import type { Db } from '../db/connect';

export interface JobContext {
  db: Db;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

/**
 * A job is a name, a zod payload and a handler, in one file (STYLE.md). Handlers must be safe to run twice:
 * pg-boss delivers at least once.
 */
export interface JobDefinition<Name extends string = string, Payload extends z.ZodType = z.ZodType> {
  name: Name;
  payload: Payload;
  /** Cron expression (UTC) for jobs that run on a schedule. */
  cron?: string;
  retryLimit?: number;
  handler(payload: z.infer<Payload>, context: JobContext): Promise<void>;
}

export function defineJob<Name extends string, Payload extends z.ZodType>(
  definition: JobDefinition<Name, Payload>,
): JobDefinition<Name, Payload> {
  return definition;
}
