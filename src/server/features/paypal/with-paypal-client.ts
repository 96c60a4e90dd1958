import { eq } from 'drizzle-orm';
import { PAYPAL_MESSAGES } from '../../../contracts/paypal';
import { AppError } from '../../app-error';
import { paypalSettings } from '../../db/schema/index';
import { createPayPalClient, isPayPalError, type PayPalClient } from '../../integrations/paypal/index';
import type { PayPalDeps } from './paypal-deps';
import { loadPayPalSettings, paypalApiUrl, type PayPalSettingsRow } from './paypal-settings-row';

/**
 * Runs PayPal calls with the stored credentials. Without credentials nothing is sent and the caller gets a plain
 * "not available" answer; PayPal refusing our credentials marks them invalid (shown on the settings page), and a
 * success marks them valid again. `evenIfInvalid` lets "Test connection" try.
 */
export async function withPayPalClient<T>(
  deps: PayPalDeps,
  run: (client: PayPalClient, settings: PayPalSettingsRow) => Promise<T>,
  options: { evenIfInvalid?: boolean } = {},
): Promise<T> {
  const settings = await loadPayPalSettings(deps.db);
  if (!settings.clientId || !settings.clientSecretSealed || (settings.status === 'invalid' && !options.evenIfInvalid)) {
    throw new AppError('SERVICE_UNAVAILABLE', PAYPAL_MESSAGES.unavailable);
  }
  const client = createPayPalClient({
    baseUrl: paypalApiUrl(settings.mode, deps.apiUrlOverride),
    clientId: settings.clientId,
    clientSecret: deps.box.open(settings.clientSecretSealed),
    log: deps.log,
  });
  try {
    const result = await run(client, settings);
    if (settings.status !== 'valid') await markCredentials(deps, settings.clientSecretSealed, 'valid', null);
    return result;
  } catch (error) {
    if (isPayPalError(error) && error.kind === 'auth') {
      await markCredentials(deps, settings.clientSecretSealed, 'invalid', error.userMessage);
    }
    // PayPal's own words reach the person, with a 4xx/5xx that says whose fault it was (never a bare 500).
    throw isPayPalError(error) ? error.toAppError() : error;
  }
}

// Guarded by the sealed secret: an answer about credentials the admin has since replaced changes nothing.
async function markCredentials(deps: PayPalDeps, sealed: string, status: 'valid' | 'invalid', problem: string | null) {
  await deps.db
    .update(paypalSettings)
    .set({ status, lastError: problem, checkedAt: new Date() })
    .where(eq(paypalSettings.clientSecretSealed, sealed));
}
