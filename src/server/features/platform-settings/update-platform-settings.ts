import { eq } from 'drizzle-orm';
import type { PlatformSettings, UpdatePlatformSettings } from '../../../contracts/settings';
import type { Db } from '../../db/connect';
import { appSettings } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import { describePlatformSettings, loadPlatformSettings, type PlatformSettingsRow } from './platform-settings-row';

/**
 * Changes the platform switches (auto-allocation, the calendar's time zone); an actual change is audited with its
 * before and after (DOMAIN.md "Audit log").
 */
export async function updatePlatformSettings(db: Db, actor: Actor, input: UpdatePlatformSettings): Promise<PlatformSettings> {
  return db.transaction(async (tx) => {
    const before = await loadPlatformSettings(tx, { forUpdate: true });
    const changes: Partial<Pick<PlatformSettingsRow, 'autoAllocate' | 'timeZone'>> = {};
    if (input.autoAllocate !== undefined && input.autoAllocate !== before.autoAllocate) changes.autoAllocate = input.autoAllocate;
    if (input.timeZone !== undefined && input.timeZone !== before.timeZone) changes.timeZone = input.timeZone;
    const changed = Object.keys(changes) as (keyof typeof changes)[];
    if (!changed.length) return describePlatformSettings(before);
    const [after] = await tx
      .update(appSettings)
      .set({ ...changes, updatedAt: new Date(), updatedBy: actor.userId })
      .where(eq(appSettings.id, 1))
      .returning();
    await recordAudit(tx, actor, {
      action: 'settings.platform_update',
      target: { type: 'settings', id: 'platform', label: 'Platform' },
      meta: {
        changed,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after![key]])),
      },
    });
    return describePlatformSettings(after!);
  });
}
