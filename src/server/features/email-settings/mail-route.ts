import type { MailRoute } from '../../integrations/mail/smtp-mailer';
import { fromOfSmtpUrl } from '../../integrations/mail/smtp-url';
import type { EmailSettingsDeps } from './email-settings-deps';
import { findEmailSettings } from './email-settings-row';

/**
 * Where mail goes right now: the SMTP URL saved in Admin → Settings → Email, else SMTP_URL from the
 * environment, else nowhere (null: notifications stay in-app and emails are only logged).
 */
export async function readMailRoute(deps: Pick<EmailSettingsDeps, 'db' | 'box' | 'envSmtpUrl'>): Promise<MailRoute | null> {
  const row = await findEmailSettings(deps.db);
  const smtpUrl = row?.smtpUrlSealed ? deps.box.open(row.smtpUrlSealed) : deps.envSmtpUrl;
  if (!smtpUrl) return null;
  return { smtpUrl, from: row?.fromAddress ?? fromOfSmtpUrl(smtpUrl) };
}
