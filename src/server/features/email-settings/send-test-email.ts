import { eq } from 'drizzle-orm';
import { EMAIL_TEST_SUBJECT, type TestEmailResult } from '../../../contracts/settings';
import { AppError } from '../../app-error';
import { emailSettings } from '../../db/schema/index';
import { MailError } from '../../integrations/mail/mail-error';
import { createSmtpMailer } from '../../integrations/mail/smtp-mailer';
import { smtpDisplay } from '../../integrations/mail/smtp-url';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { EmailSettingsDeps } from './email-settings-deps';
import { describeEmailSettings, lockEmailSettings } from './email-settings-row';
import { readMailRoute } from './mail-route';

export const EMAIL_NOT_CONFIGURED = 'Email is not configured yet. Save an SMTP URL first.';

function testText(sentBy: string, server: string): string {
  return [
    'This is a test email from OmniPlus WA Tracker.',
    'If you can read it, email notifications are working.',
    '',
    `Sent by ${sentBy} through ${server} at ${new Date().toISOString()}.`,
  ].join('\n');
}

/**
 * "Send test email": one real send through the server in use right now (read fresh, not from the cache). The
 * outcome is kept on the settings row and audited whether it worked or not; a refusal answers 502 with the
 * mail server's own words.
 */
export async function sendTestEmail(
  deps: EmailSettingsDeps,
  { actor, to, sentBy }: { actor: Actor; to: string; sentBy: string },
): Promise<TestEmailResult> {
  const route = await readMailRoute(deps);
  if (!route) throw new AppError('CONFLICT', EMAIL_NOT_CONFIGURED);
  const server = smtpDisplay(route.smtpUrl);

  const mailer = createSmtpMailer(route, deps.log);
  let failure: MailError | null = null;
  try {
    await mailer.send(to, EMAIL_TEST_SUBJECT, testText(sentBy, server));
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    failure = error;
  } finally {
    mailer.close();
  }

  const row = await deps.db.transaction(async (tx) => {
    await lockEmailSettings(tx);
    const [after] = await tx
      .update(emailSettings)
      .set({ lastTestAt: new Date(), lastTestError: failure?.message ?? null })
      .where(eq(emailSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'email.test',
      target: { type: 'settings', id: 'email', label: 'Email (SMTP)' },
      meta: { to, smtpDisplay: server, ok: failure === null, ...(failure ? { error: failure.upstreamText } : {}) },
    });
    return after!;
  });
  if (failure) {
    deps.log.warn({ mail: { to, smtp: server, error: failure.upstreamText } }, 'test email failed');
    throw failure;
  }
  return { ok: true, sentTo: to, settings: describeEmailSettings(row, deps.envSmtpUrl) };
}
