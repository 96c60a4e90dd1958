import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import type { Auth } from '../features/auth/better-auth';
import type { JobRunner } from '../jobs/job-runner';
import type { EventBus } from '../realtime/event-bus';
import type { Services } from '../services';

/** Everything the HTTP layer needs, built once by main.ts (or by a test) and passed to buildApp. */
export interface AppDeps {
  config: Config;
  database: Database;
  auth: Auth;
  bus: EventBus;
  jobs: JobRunner | null;
  /** Shared with the job handlers: secret box, mailer, WHAPI addresses (src/server/services.ts). */
  services: Services;
  /** Where the built SPA lives; null serves the API only. */
  webRoot: string | null;
  /** Where log lines go (stdout when absent); tests read them to prove no secret is ever logged. */
  logStream?: NodeJS.WritableStream;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
