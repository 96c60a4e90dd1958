import { eq } from 'drizzle-orm';
import type { WhapiSettings } from '../../../contracts/whapi-settings';
import { whapiSettings } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { WhapiDeps } from './whapi-deps';
import { describeWhapiSettings, loadWhapiSettings, newWebhookSecret } from './whapi-settings-row';

/** A new secret invalidates every webhook URL at once; the partner webhook must be registered again. */
export async function rotateWebhookSecret(deps: WhapiDeps, actor: Actor): Promise<WhapiSettings> {
  return deps.db.transaction(async (tx) => {
    await loadWhapiSettings(tx, deps.box, { forUpdate: true });
    const [row] = await tx
      .update(whapiSettings)
      .set({
        webhookSecretSealed: deps.box.seal(newWebhookSecret()),
        webhookRegisteredAt: null,
        updatedAt: new Date(),
        updatedBy: actor.userId,
      })
      .where(eq(whapiSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'whapi.webhook_secret_rotate',
      target: { type: 'settings', id: 'whapi', label: 'WHAPI integration' },
    });
    return describeWhapiSettings(row!, deps.box, deps.appUrl);
  });
}
