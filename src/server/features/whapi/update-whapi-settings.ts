import { eq } from 'drizzle-orm';
import type { UpdateWhapiSettings, WhapiSettings } from '../../../contracts/whapi-settings';
import { whapiSettings } from '../../db/schema/index';
import { lastFour } from '../../secrets/secret-box';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { WhapiDeps } from './whapi-deps';
import { describeWhapiSettings, loadWhapiSettings } from './whapi-settings-row';

/**
 * Saves the WHAPI integration settings. A new token starts "unverified" until a call succeeds; the audit row
 * says what changed, never the values of secrets (QUALITY K2).
 */
export async function updateWhapiSettings(
  deps: WhapiDeps,
  actor: Actor,
  input: UpdateWhapiSettings,
): Promise<WhapiSettings> {
  return deps.db.transaction(async (tx) => {
    const before = await loadWhapiSettings(tx, deps.box, { forUpdate: true });
    const changes: Partial<typeof whapiSettings.$inferInsert> = {};
    const changed: string[] = [];
    if (input.partnerToken !== undefined) {
      changed.push(input.partnerToken === null ? 'partnerToken:cleared' : 'partnerToken:replaced');
      Object.assign(changes, {
        partnerTokenSealed: input.partnerToken === null ? null : deps.box.seal(input.partnerToken),
        partnerTokenLast4: input.partnerToken === null ? null : lastFour(input.partnerToken),
        tokenStatus: input.partnerToken === null ? 'missing' : 'unverified',
        tokenError: null,
        tokenCheckedAt: null,
      });
    }
    if (input.projectId !== undefined && input.projectId !== before.projectId) {
      changed.push('projectId');
      changes.projectId = input.projectId;
    }
    if (input.partnerName !== undefined && (input.partnerName || null) !== before.partnerName) {
      changed.push('partnerName');
      changes.partnerName = input.partnerName || null;
    }
    if (changed.length === 0) return describeWhapiSettings(before, deps.box, deps.appUrl);

    const [after] = await tx
      .update(whapiSettings)
      .set({ ...changes, updatedAt: new Date(), updatedBy: actor.userId })
      .where(eq(whapiSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'whapi.settings_update',
      target: { type: 'settings', id: 'whapi', label: 'WHAPI integration' },
      meta: {
        changed,
        before: { projectId: before.projectId, partnerName: before.partnerName, tokenLast4: before.partnerTokenLast4 },
        after: { projectId: after!.projectId, partnerName: after!.partnerName, tokenLast4: after!.partnerTokenLast4 },
      },
    });
    return describeWhapiSettings(after!, deps.box, deps.appUrl);
  });
}
