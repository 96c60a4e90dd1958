import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { MESSAGE_STATUSES, type Campaign, type CampaignCounts } from '../../../contracts/messaging';
import type { DbOrTx } from '../../db/connect';
import { channels, messageCampaigns, outboxMessages } from '../../db/schema/index';

export type CampaignRecord = typeof messageCampaigns.$inferSelect;

function emptyCounts(): CampaignCounts {
  return Object.fromEntries(MESSAGE_STATUSES.map((status) => [status, 0])) as CampaignCounts;
}

/** Messages of each campaign by status, in one grouped read (the index on (campaign_id, status) serves it). */
export async function countCampaignMessages(db: DbOrTx, campaignIds: string[]): Promise<Map<string, CampaignCounts>> {
  const counts = new Map(campaignIds.map((id) => [id, emptyCounts()]));
  if (!campaignIds.length) return counts;
  const rows = await db
    .select({ campaignId: outboxMessages.campaignId, status: outboxMessages.status, n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(inArray(outboxMessages.campaignId, campaignIds))
    .groupBy(outboxMessages.campaignId, outboxMessages.status);
  for (const row of rows) counts.get(row.campaignId!)![row.status] = row.n;
  return counts;
}

export function toCampaign(record: CampaignRecord, channelName: string, counts: CampaignCounts): Campaign {
  return {
    id: record.id,
    name: record.name,
    channelId: record.channelId,
    channelName,
    body: record.body,
    status: record.status,
    pausedReason: record.pausedReason,
    intervalSeconds: record.intervalSeconds,
    total: record.total,
    counts,
    createdAt: record.createdAt.toISOString(),
    completedAt: record.completedAt ? record.completedAt.toISOString() : null,
  };
}

export async function describeCampaign(db: DbOrTx, record: CampaignRecord, channelName: string): Promise<Campaign> {
  const counts = await countCampaignMessages(db, [record.id]);
  return toCampaign(record, channelName, counts.get(record.id)!);
}

/** The caller's campaign with its channel's name; another user's id reads as missing. */
export async function findUserCampaign(db: DbOrTx, userId: string, campaignId: string) {
  const [row] = await db
    .select({ campaign: messageCampaigns, channelName: channels.name })
    .from(messageCampaigns)
    .innerJoin(channels, eq(channels.id, messageCampaigns.channelId))
    .where(and(eq(messageCampaigns.id, campaignId), eq(messageCampaigns.userId, userId)));
  return row ?? null;
}

export function campaignsNewestFirst() {
  return [desc(messageCampaigns.createdAt), desc(messageCampaigns.id)];
}
