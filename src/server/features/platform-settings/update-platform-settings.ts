import { eq } from 'drizzle-orm';
import type { PlatformSettings, UpdatePlatformSettings } from '../../../contracts/settings';
import type { Db } from '../../db/connect';
import { appSettings } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { describePlatformSettings, loadPlatformSettings } from './platform-settings-row';

/** Flips the platform switches; an actual change is audited with its before and after (DOMAIN.md "Audit log"). */
export async function updatePlatformSettings(db: Db, actor: Actor, input: UpdatePlatformSettings): Promise<PlatformSettings> {
  return db.transaction(async (tx) => {
    const before = await loadPlatformSettings(tx, { forUpdate: true });
    if (before.autoAllocate === input.autoAllocate) return describePlatformSettings(before);
    const [after] = await tx
      .update(appSettings)
      .set({ autoAllocate: input.autoAllocate, updatedAt: new Date(), updatedBy: actor.userId })
      .where(eq(appSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'settings.platform_update',
      target: { type: 'settings', id: 'platform', label: 'Platform' },
      meta: { changed: ['autoAllocate'], before: { autoAllocate: before.autoAllocate }, after: { autoAllocate: after!.autoAllocate } },
    });
    return describePlatformSettings(after!);
  });
}
