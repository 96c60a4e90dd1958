import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect';
import { appSettings } from '../../db/schema/index';

/**
 * DOMAIN.md "Auto-allocation" (admin setting, default on): whether channel time follows paid time by itself.
 * Accepts a transaction so a caller can decide inside the change it is making.
 */
export async function readAutoAllocate(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ autoAllocate: appSettings.autoAllocate }).from(appSettings).where(eq(appSettings.id, 1));
  return row?.autoAllocate ?? true;
}
