import type { Config } from './config';
import type { Database } from './db/connect';
import type { WhapiDeps } from './features/whapi/whapi-deps';
import { createMailer, type Mailer } from './integrations/mail/mailer';
import type { JobRunner } from './jobs/job-runner';
import type { EventBus } from './realtime/event-bus';
import { createSecretBox, type SecretBox } from './secrets/secret-box';

export interface ServiceLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * What routes and jobs share, built once per process (main.ts, or a test). `jobs` is filled in once the runner has
 * started, because the runner's handlers are themselves built from these services.
 */
export interface Services {
  config: Config;
  database: Database;
  db: Database['db'];
  bus: EventBus;
  box: SecretBox;
  mailer: Mailer;
  whapi: WhapiDeps;
  log: ServiceLog;
  jobs: JobRunner | null;
}

export function buildServices({ config, database, bus, log }: Pick<Services, 'config' | 'database' | 'bus' | 'log'>): Services {
  const box = createSecretBox(config.secretKey);
  return {
    config,
    database,
    db: database.db,
    bus,
    box,
    mailer: createMailer(config.smtpUrl, log),
    whapi: {
      db: database.db,
      box,
      appUrl: config.appUrl,
      partnerUrl: config.whapiPartnerUrl,
      gateUrl: config.whapiGateUrl,
      log,
    },
    log,
    jobs: null,
  };
}
