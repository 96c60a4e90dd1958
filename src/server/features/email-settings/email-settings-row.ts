import { eq } from 'drizzle-orm';
import type { EmailSettings } from '../../../contracts/settings';
import type { DbOrTx } from '../../db/connect';
import { emailSettings } from '../../db/schema/index';
import { fromOfSmtpUrl, smtpDisplay } from '../../integrations/mail/smtp-url';

export type EmailSettingsRow = typeof emailSettings.$inferSelect;

export async function findEmailSettings(db: DbOrTx): Promise<EmailSettingsRow | null> {
  const [row] = await db.select().from(emailSettings).where(eq(emailSettings.id, 1));
  return row ?? null;
}

/** The one row, created empty on first write and locked for the rest of the transaction. */
export async function lockEmailSettings(tx: DbOrTx): Promise<EmailSettingsRow> {
  await tx.insert(emailSettings).values({ id: 1 }).onConflictDoNothing();
  const [row] = await tx.select().from(emailSettings).where(eq(emailSettings.id, 1)).for('update');
  return row!;
}

/**
 * What the settings page shows. A saved SMTP URL wins over SMTP_URL from the environment; a saved from-address
 * applies to whichever server is in use (the sender is the admin's choice), else SMTP_URL's `?from=`.
 */
export function describeEmailSettings(row: EmailSettingsRow | null, envSmtpUrl: string | undefined): EmailSettings {
  const fromSettings = Boolean(row?.smtpUrlSealed);
  const source = fromSettings ? 'settings' : envSmtpUrl ? 'environment' : 'none';
  const display = fromSettings ? (row?.smtpDisplay ?? null) : envSmtpUrl ? smtpDisplay(envSmtpUrl) : null;
  const envFrom = !fromSettings && envSmtpUrl ? fromOfSmtpUrl(envSmtpUrl) : null;
  return {
    configured: source !== 'none',
    source,
    smtpDisplay: display,
    fromAddress: row?.fromAddress ?? envFrom,
    lastTestAt: row?.lastTestAt?.toISOString() ?? null,
    lastTestError: row?.lastTestError ?? null,
  };
}
