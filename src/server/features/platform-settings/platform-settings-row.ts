import { eq } from 'drizzle-orm';
import type { PlatformSettings } from '../../../contracts/settings';
import type { DbOrTx } from '../../db/connect';
import { appSettings } from '../../db/schema/index';

export type PlatformSettingsRow = typeof appSettings.$inferSelect;

/** The one row (migration 0007 creates it; recreated with the defaults if it was ever removed). */
export async function loadPlatformSettings(db: DbOrTx, options: { forUpdate?: boolean } = {}): Promise<PlatformSettingsRow> {
  const select = () => {
    const query = db.select().from(appSettings).where(eq(appSettings.id, 1));
    return options.forUpdate ? query.for('update') : query;
  };
  const [row] = await select();
  if (row) return row;
  await db.insert(appSettings).values({ id: 1 }).onConflictDoNothing();
  const [created] = await select();
  return created!;
}

export function describePlatformSettings(row: PlatformSettingsRow): PlatformSettings {
  return { autoAllocate: row.autoAllocate, timeZone: row.timeZone, updatedAt: row.updatedAt.toISOString() };
}
