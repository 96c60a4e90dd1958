import { eq } from 'drizzle-orm';
import type { OutboxMessage } from '../../../contracts/messaging';
import type { DbOrTx } from '../../db/connect';
import { channels, messageCampaigns, outboxMessages } from '../../db/schema/index';

export type OutboxRecord = typeof outboxMessages.$inferSelect;

/** Outbox rows with the names the screens show beside them. */
export function selectOutboxViews(db: DbOrTx) {
  return db
    .select({ message: outboxMessages, channelName: channels.name, campaignName: messageCampaigns.name })
    .from(outboxMessages)
    .innerJoin(channels, eq(channels.id, outboxMessages.channelId))
    .leftJoin(messageCampaigns, eq(messageCampaigns.id, outboxMessages.campaignId));
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toOutboxMessage(view: { message: OutboxRecord; channelName: string; campaignName: string | null }): OutboxMessage {
  const { message } = view;
  return {
    id: String(message.id),
    channelId: message.channelId,
    channelName: view.channelName,
    campaignId: message.campaignId,
    campaignName: view.campaignName,
    to: message.recipient,
    body: message.body,
    status: message.status,
    error: message.error,
    createdAt: message.createdAt.toISOString(),
    sentAt: iso(message.sentAt),
    deliveredAt: iso(message.deliveredAt),
    readAt: iso(message.readAt),
  };
}
