import { eq } from 'drizzle-orm';
import type { EmailSettings, UpdateEmailSettings } from '../../../contracts/settings';
import { emailSettings } from '../../db/schema/index';
import { smtpDisplay } from '../../integrations/mail/smtp-url';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { EmailSettingsDeps } from './email-settings-deps';
import { describeEmailSettings, lockEmailSettings } from './email-settings-row';
import { forgetMailRoute } from './settings-mailer';

/**
 * Saves the SMTP server and the from-address. The URL may hold a password, so it is sealed (QUALITY K1) and
 * only its credential-free form is shown, audited or logged (K2). A new server forgets the last test result,
 * which was about the old one.
 */
export async function updateEmailSettings(deps: EmailSettingsDeps, actor: Actor, input: UpdateEmailSettings): Promise<EmailSettings> {
  const result = await deps.db.transaction(async (tx) => {
    const before = await lockEmailSettings(tx);
    const changes: Partial<typeof emailSettings.$inferInsert> = {};
    const changed: string[] = [];
    if (input.smtpUrl === '' && before.smtpUrlSealed) {
      changed.push('smtpUrl:cleared');
      Object.assign(changes, { smtpUrlSealed: null, smtpDisplay: null, lastTestAt: null, lastTestError: null });
    } else if (input.smtpUrl && (!before.smtpUrlSealed || deps.box.open(before.smtpUrlSealed) !== input.smtpUrl)) {
      changed.push('smtpUrl:replaced');
      Object.assign(changes, {
        smtpUrlSealed: deps.box.seal(input.smtpUrl),
        smtpDisplay: smtpDisplay(input.smtpUrl),
        lastTestAt: null,
        lastTestError: null,
      });
    }
    if (input.fromAddress !== before.fromAddress) {
      changed.push('fromAddress');
      changes.fromAddress = input.fromAddress;
    }
    if (changed.length === 0) return { settings: describeEmailSettings(before, deps.envSmtpUrl), changed };

    const [after] = await tx
      .update(emailSettings)
      .set({ ...changes, updatedAt: new Date(), updatedBy: actor.userId })
      .where(eq(emailSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'email.settings_update',
      target: { type: 'settings', id: 'email', label: 'Email (SMTP)' },
      meta: {
        changed,
        before: { smtpDisplay: before.smtpDisplay, fromAddress: before.fromAddress },
        after: { smtpDisplay: after!.smtpDisplay, fromAddress: after!.fromAddress },
      },
    });
    return { settings: describeEmailSettings(after!, deps.envSmtpUrl), changed };
  });
  if (result.changed.length > 0) {
    forgetMailRoute(deps.db);
    deps.log.info({ emailSettings: { changed: result.changed, smtp: result.settings.smtpDisplay } }, 'email settings updated');
  }
  return result.settings;
}
