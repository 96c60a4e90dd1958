import { eq } from 'drizzle-orm';
import type { PayPalMode, PayPalSettings } from '../../../contracts/paypal';
import type { DbOrTx } from '../../db/connect';
import { paypalSettings } from '../../db/schema/index';
import type { PayPalDeps } from './paypal-deps';

export type PayPalSettingsRow = typeof paypalSettings.$inferSelect;

// PayPal's REST addresses per mode (NOTES §1); PAYPAL_API_URL replaces both, e.g. with the simulator.
const API_URLS: Record<PayPalMode, string> = {
  sandbox: 'https://api-m.sandbox.paypal.com',
  live: 'https://api-m.paypal.com',
};

export function paypalApiUrl(mode: PayPalMode, override: string | undefined): string {
  return (override ?? API_URLS[mode]).replace(/\/$/, '');
}

export function paypalWebhookUrl(appUrl: string): string {
  return `${appUrl}/api/webhooks/paypal`;
}

/** The settings row, created empty on first use. */
export async function loadPayPalSettings(db: DbOrTx, options: { forUpdate?: boolean } = {}): Promise<PayPalSettingsRow> {
  await db.insert(paypalSettings).values({ id: 1 }).onConflictDoNothing();
  const query = db.select().from(paypalSettings).where(eq(paypalSettings.id, 1));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row!;
}

export function describePayPalSettings(row: PayPalSettingsRow, deps: Pick<PayPalDeps, 'appUrl' | 'apiUrlOverride'>): PayPalSettings {
  return {
    mode: row.mode,
    clientId: row.clientId,
    clientSecretLast4: row.clientSecretLast4,
    webhookId: row.webhookId,
    status: row.status,
    lastError: row.lastError,
    checkedAt: row.checkedAt?.toISOString() ?? null,
    webhookUrl: paypalWebhookUrl(deps.appUrl),
    apiUrl: paypalApiUrl(row.mode, deps.apiUrlOverride),
  };
}
