import { eq } from 'drizzle-orm';
import type { WhapiSettings } from '../../../contracts/whapi-settings';
import { AppError } from '../../app-error';
import { whapiSettings } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { WhapiDeps } from './whapi-deps';
import { describeWhapiSettings, loadWhapiSettings, webhookUrls } from './whapi-settings-row';
import { withPartnerClient } from './with-partner-client';

/**
 * Points WHAPI's partner "days" webhook at us and sets `days_limit` (PATCH /partners/{name}/settings). Other
 * webhooks the partner may have registered elsewhere are kept.
 */
export async function registerPartnerWebhook(deps: WhapiDeps, actor: Actor, daysLimit: number): Promise<WhapiSettings> {
  const before = await loadWhapiSettings(deps.db, deps.box);
  if (!before.partnerName) {
    throw new AppError('VALIDATION_FAILED', 'Set the partner name first.', {
      fields: { partnerName: 'Enter your partner name at WHAPI.' },
    });
  }
  const partnerName = before.partnerName;
  const url = webhookUrls(deps.appUrl, deps.box.open(before.webhookSecretSealed)).partnerDays;
  await withPartnerClient(deps, async (client) => {
    const current = await client.getPartnerSettings(partnerName);
    const ourPath = '/api/webhooks/whapi/partner/';
    const others = current.webhooks.filter((hook) => !hook.url.includes(ourPath));
    await client.updatePartnerSettings(partnerName, {
      webhooks: [...others, { url, events: [{ type: 'days', method: 'post' }], mode: 'body' }],
      daysLimit,
    });
  });
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(whapiSettings)
      .set({ daysLimit, webhookRegisteredAt: new Date(), updatedAt: new Date(), updatedBy: actor.userId })
      .where(eq(whapiSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'whapi.webhook_register',
      target: { type: 'settings', id: 'whapi', label: 'WHAPI integration' },
      meta: { partnerName, daysLimit },
    });
    return describeWhapiSettings(row!, deps.box, deps.appUrl);
  });
}
