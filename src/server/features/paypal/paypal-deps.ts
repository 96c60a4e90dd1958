import type { Db } from '../../db/connect';
import type { Mailer } from '../../integrations/mail/mailer';
import type { JobRunner } from '../../jobs/job-runner';
import type { SecretBox } from '../../secrets/secret-box';

/** What the PayPal use-cases need; built from the process's services (src/server/services.ts). */
export interface PayPalDeps {
  db: Db;
  box: SecretBox;
  appUrl: string;
  /** PAYPAL_API_URL: when set, every call goes there whatever the mode (the simulator, a proxy). */
  apiUrlOverride: string | undefined;
  jobs: JobRunner | null;
  mailer: Mailer;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}
