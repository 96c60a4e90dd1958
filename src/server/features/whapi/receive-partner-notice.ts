import { timingSafeEqual } from 'node:crypto';
import { notFound } from '../../app-error';
import { partnerBalanceNotices } from '../../db/schema/index';
import { parsePartnerDaysNotice } from '../../integrations/whapi/index';
import type { WhapiDeps } from './whapi-deps';
import { loadWhapiSettings } from './whapi-settings-row';

/**
 * The partner "days" webhook. WHAPI signs nothing, so the secret in the URL is the proof (QUALITY W1): a wrong
 * one is a 404 that changes nothing. The payload is undocumented: it is stored whole and read defensively.
 */
export async function receivePartnerNotice(deps: WhapiDeps, secret: string, body: unknown): Promise<void> {
  const settings = await loadWhapiSettings(deps.db, deps.box);
  if (!sameSecret(secret, deps.box.open(settings.webhookSecretSealed))) throw notFound('Webhook');
  const notice = parsePartnerDaysNotice(body);
  await deps.db.insert(partnerBalanceNotices).values({
    currentDays: wholeDays(notice.daysLeft),
    daysLimit: wholeDays(notice.daysLimit),
    raw: (body ?? {}) as object,
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function wholeDays(value: number | null): number | null {
  return value === null || !Number.isFinite(value) || Math.abs(value) > 1e9 ? null : Math.floor(value);
}
