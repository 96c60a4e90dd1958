import type { Db } from '../../db/connect';
import type { MailLog } from '../../integrations/mail/mailer';
import type { SecretBox } from '../../secrets/secret-box';

/** What the email settings need: the row lives in `db`, its SMTP URL is sealed with `box`, SMTP_URL is the fallback. */
export interface EmailSettingsDeps {
  db: Db;
  box: SecretBox;
  envSmtpUrl: string | undefined;
  log: MailLog;
}
