import type { Config } from './config';
import type { Database } from './db/connect';
import type { PayPalDeps } from './features/paypal/paypal-deps';
import type { WhapiDeps } from './features/whapi/whapi-deps';
import { createSettingsMailer } from './features/email-settings/settings-mailer';
import type { Mailer } from './integrations/mail/mailer';
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
  paypal: PayPalDeps;
  log: ServiceLog;
  jobs: JobRunner | null;
}

export function buildServices({ config, database, bus, log }: Pick<Services, 'config' | 'database' | 'bus' | 'log'>): Services {
  const box = createSecretBox(config.secretKey);
  // Admin → Settings → Email when saved, else SMTP_URL, else log only; looked up per send (features/email-settings).
  const mailer = createSettingsMailer({ db: database.db, box, envSmtpUrl: config.smtpUrl, log });
  const services: Services = {
    config,
    database,
    db: database.db,
    bus,
    box,
    mailer,
    whapi: {
      db: database.db,
      box,
      appUrl: config.appUrl,
      partnerUrl: config.whapiPartnerUrl,
      gateUrl: config.whapiGateUrl,
      log,
    },
    paypal: {
      db: database.db,
      box,
      appUrl: config.appUrl,
      apiUrlOverride: config.paypalApiUrl,
      mailer,
      log,
      // Read through, because the runner starts after these services are built.
      get jobs() {
        return services.jobs;
      },
    },
    log,
    jobs: null,
  };
  return services;
}
