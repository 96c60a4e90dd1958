import { eq } from 'drizzle-orm';
import type { PayPalSettings, UpdatePayPalSettings } from '../../../contracts/paypal';
import { invalid } from '../../app-error';
import { paypalSettings } from '../../db/schema/index';
import { lastFour } from '../../secrets/secret-box';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { PayPalDeps } from './paypal-deps';
import { describePayPalSettings, loadPayPalSettings } from './paypal-settings-row';

/**
 * Saves Admin → Settings → PayPal. New credentials start "unverified" until PayPal accepts them; the audit row
 * names what changed, never a secret's value (QUALITY K2).
 */
export async function updatePayPalSettings(deps: PayPalDeps, actor: Actor, input: UpdatePayPalSettings): Promise<PayPalSettings> {
  return deps.db.transaction(async (tx) => {
    const before = await loadPayPalSettings(tx, { forUpdate: true });
    if (!input.clientSecret && !before.clientSecretSealed) throw invalid({ clientSecret: 'Enter the client secret.' });
    const changed: string[] = [];
    const changes: Partial<typeof paypalSettings.$inferInsert> = {};
    if (input.mode !== before.mode) changed.push('mode');
    if (input.clientId !== before.clientId) changed.push('clientId');
    if ((input.webhookId ?? null) !== before.webhookId) changed.push('webhookId');
    if (input.clientSecret) {
      changed.push('clientSecret:replaced');
      changes.clientSecretSealed = deps.box.seal(input.clientSecret);
      changes.clientSecretLast4 = lastFour(input.clientSecret);
    }
    if (changed.length === 0) return describePayPalSettings(before, deps);
    const credentialsChanged = changed.some((c) => c !== 'webhookId');
    const [after] = await tx
      .update(paypalSettings)
      .set({
        ...changes,
        mode: input.mode,
        clientId: input.clientId,
        webhookId: input.webhookId ?? null,
        ...(credentialsChanged ? { status: 'unverified', lastError: null, checkedAt: null } : {}),
        updatedAt: new Date(),
        updatedBy: actor.userId,
      })
      .where(eq(paypalSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'paypal.settings_update',
      target: { type: 'settings', id: 'paypal', label: 'PayPal' },
      meta: {
        changed,
        before: { mode: before.mode, clientId: before.clientId, webhookId: before.webhookId, secretLast4: before.clientSecretLast4 },
        after: { mode: after!.mode, clientId: after!.clientId, webhookId: after!.webhookId, secretLast4: after!.clientSecretLast4 },
      },
    });
    return describePayPalSettings(after!, deps);
  });
}
