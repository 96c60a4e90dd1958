import { and, count, eq, type SQL } from 'drizzle-orm';
import type { CampaignsPage, CampaignStatus } from '../../../contracts/messaging';
import type { DbOrTx } from '../../db/connect';
import { channels, messageCampaigns } from '../../db/schema/index';
import { campaignsNewestFirst, countCampaignMessages, toCampaign } from './campaign-view';

export async function listCampaigns(
  db: DbOrTx,
  userId: string,
  query: { page: number; pageSize: number; status?: CampaignStatus },
): Promise<CampaignsPage> {
  const conditions: SQL[] = [eq(messageCampaigns.userId, userId)];
  if (query.status) conditions.push(eq(messageCampaigns.status, query.status));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ campaign: messageCampaigns, channelName: channels.name })
      .from(messageCampaigns)
      .innerJoin(channels, eq(channels.id, messageCampaigns.channelId))
      .where(where)
      .orderBy(...campaignsNewestFirst())
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(messageCampaigns).where(where),
  ]);
  const counts = await countCampaignMessages(db, rows.map((row) => row.campaign.id));
  return {
    items: rows.map((row) => toCampaign(row.campaign, row.channelName, counts.get(row.campaign.id)!)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
