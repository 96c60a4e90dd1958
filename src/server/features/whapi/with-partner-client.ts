import { eq } from 'drizzle-orm';
import { WHAPI_TOKEN_BANNER } from '../../../contracts/whapi-settings';
import { AppError } from '../../app-error';
import { whapiSettings } from '../../db/schema/index';
import { createWhapiPartnerClient, isWhapiError, type WhapiPartnerClient } from '../../integrations/whapi/index';
import type { WhapiDeps } from './whapi-deps';
import { loadWhapiSettings, type WhapiSettingsRow } from './whapi-settings-row';

/**
 * Runs a Partner API call with the stored token. While the token is missing, or WHAPI last refused it, nothing
 * is sent and the caller gets the banner's message (spec 000 §2: "fail gracefully"); `evenIfInvalid` lets
 * "Test connection" try again. WHAPI's answer keeps the token status — and so the banner — up to date.
 */
export async function withPartnerClient<T>(
  deps: WhapiDeps,
  run: (client: WhapiPartnerClient, settings: WhapiSettingsRow) => Promise<T>,
  options: { evenIfInvalid?: boolean } = {},
): Promise<T> {
  const settings = await loadWhapiSettings(deps.db, deps.box);
  if (!settings.partnerTokenSealed || (settings.tokenStatus === 'invalid' && !options.evenIfInvalid)) {
    throw new AppError('WHAPI_NOT_CONFIGURED', WHAPI_TOKEN_BANNER);
  }
  const client = createWhapiPartnerClient({
    baseUrl: deps.partnerUrl,
    token: deps.box.open(settings.partnerTokenSealed),
    log: deps.log,
  });
  try {
    const result = await run(client, settings);
    if (settings.tokenStatus !== 'valid') await markToken(deps, settings.partnerTokenSealed, 'valid', null);
    return result;
  } catch (error) {
    if (isWhapiError(error) && error.kind === 'token') {
      await markToken(deps, settings.partnerTokenSealed, 'invalid', error.message);
    }
    throw error;
  }
}

// Guarded by the sealed value: an answer about a token the admin has since replaced changes nothing.
async function markToken(deps: WhapiDeps, sealed: string, status: 'valid' | 'invalid', problem: string | null) {
  await deps.db
    .update(whapiSettings)
    .set({ tokenStatus: status, tokenError: problem, tokenCheckedAt: new Date() })
    .where(eq(whapiSettings.partnerTokenSealed, sealed));
}
