import { and, asc, eq, isNull } from 'drizzle-orm';
import { MESSAGING_MESSAGES, type SenderChannel } from '../../../contracts/messaging';
import { AppError, invalid } from '../../app-error';
import type { DbOrTx } from '../../db/connect';
import { channels } from '../../db/schema/index';
import { channelStatusAt } from '../channels/channel-clock';

type ChannelState = Pick<typeof channels.$inferSelect, 'expiresAt' | 'authStatus' | 'deletedAt'>;

/** DOMAIN.md "Messaging": sends go through the user's own authorised, unexpired channel. Null = it can send. */
export function channelBlockReason(channel: ChannelState, now: Date): string | null {
  if (channel.deletedAt) return 'This channel has been deleted.';
  if (channelStatusAt(channel.expiresAt, now) !== 'active') return 'This channel has expired or has no days yet.';
  if (channel.authStatus !== 'authorized') return 'This channel is not linked to WhatsApp. Scan its QR code first.';
  return null;
}

export async function listSenderChannels(db: DbOrTx, userId: string, now: Date = new Date()): Promise<SenderChannel[]> {
  const rows = await db
    .select()
    .from(channels)
    .where(and(eq(channels.userId, userId), isNull(channels.deletedAt)))
    .orderBy(asc(channels.createdAt), asc(channels.id));
  return rows.map((channel) => {
    const reason = channelBlockReason(channel, now);
    return { id: channel.id, name: channel.name, phone: channel.phone, sendable: reason === null, reason };
  });
}

/** The caller's channel if it can send now; someone else's is treated as no channel at all. */
export async function requireSendableChannel(tx: DbOrTx, userId: string, channelId: string, now: Date = new Date()) {
  const [channel] = await tx
    .select()
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.userId, userId)));
  if (!channel || channel.deletedAt) throw invalid({ channelId: 'Choose one of your channels.' });
  const blocked = channelBlockReason(channel, now);
  if (blocked) throw new AppError('CONFLICT', MESSAGING_MESSAGES.channelNotReady, { fields: { channelId: blocked } });
  return channel;
}
