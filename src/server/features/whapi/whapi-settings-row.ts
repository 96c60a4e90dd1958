import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { WhapiSettings } from '../../../contracts/whapi-settings';
import type { DbOrTx } from '../../db/connect';
import { whapiSettings } from '../../db/schema/index';
import type { SecretBox } from '../../secrets/secret-box';

export type WhapiSettingsRow = typeof whapiSettings.$inferSelect;

export function newWebhookSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** The settings row, created on first use with a fresh webhook secret. */
export async function loadWhapiSettings(db: DbOrTx, box: SecretBox, options: { forUpdate?: boolean } = {}): Promise<WhapiSettingsRow> {
  const read = async () => {
    const query = db.select().from(whapiSettings).where(eq(whapiSettings.id, 1));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    return row;
  };
  // The row exists after the first call; every webhook reads it, so a fresh secret is sealed only when it is missing.
  const existing = await read();
  if (existing) return existing;
  await db
    .insert(whapiSettings)
    .values({ id: 1, webhookSecretSealed: box.seal(newWebhookSecret()) })
    .onConflictDoNothing();
  return (await read())!;
}

export function webhookUrls(appUrl: string, secret: string) {
  return {
    partnerDays: `${appUrl}/api/webhooks/whapi/partner/${secret}`,
    channelPattern: `${appUrl}/api/webhooks/whapi/channels/{channel_id}/${secret}`,
  };
}

export function describeWhapiSettings(row: WhapiSettingsRow, box: SecretBox, appUrl: string): WhapiSettings {
  return {
    tokenConfigured: row.partnerTokenSealed !== null,
    tokenLast4: row.partnerTokenLast4,
    tokenStatus: row.tokenStatus,
    tokenError: row.tokenError,
    tokenCheckedAt: row.tokenCheckedAt?.toISOString() ?? null,
    projectId: row.projectId,
    partnerName: row.partnerName,
    daysLimit: row.daysLimit,
    webhookRegisteredAt: row.webhookRegisteredAt?.toISOString() ?? null,
    webhookUrls: webhookUrls(appUrl, box.open(row.webhookSecretSealed)),
    updatedAt: row.updatedAt.toISOString(),
  };
}
