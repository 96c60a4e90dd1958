import { MESSAGING_MESSAGES, type SendMessageReply } from '../../../contracts/messaging';
import { AppError } from '../../app-error';
import { outboxMessages } from '../../db/schema/index';
import { chargeUsage } from './message-usage';
import type { MessagingDeps } from './messaging-deps';
import { deliverMessageJob } from './messaging-job-refs';
import { toOutboxMessage } from './outbox-view';
import { describeUsage, loadSenderAccount } from './sender-account';
import { requireSendableChannel } from './sender-channels';

export interface SendMessageInput {
  userId: string;
  channelId: string;
  /** E.164, already validated. */
  to: string;
  body: string;
}

/**
 * One message (page Send): channel check, the daily limit charged atomically, the outbox row and its delivery job
 * in one transaction (ARCHITECTURE "Outgoing message"). WHAPI is called by the job, never by the request.
 */
export async function sendMessage(deps: MessagingDeps, input: SendMessageInput): Promise<SendMessageReply> {
  return deps.db.transaction(async (tx) => {
    const now = new Date();
    const account = await loadSenderAccount(tx, input.userId, now);
    if (!account) throw new AppError('NOT_FOUND', 'User was not found.');
    const channel = await requireSendableChannel(tx, input.userId, input.channelId, now);
    const [message] = await tx
      .insert(outboxMessages)
      .values({ userId: input.userId, channelId: channel.id, recipient: input.to, body: input.body })
      .returning();
    await deps.jobs?.enqueue(deliverMessageJob, { messageId: message!.id }, { tx });
    // Charged last: the usage row stays locked only until the commit (a refusal rolls the row and job back).
    const used = await chargeUsage(tx, { userId: input.userId, kind: 'daily', window: account.daily.key, count: 1, limit: account.dailyLimit });
    if (used === null) throw new AppError('LIMIT_REACHED', MESSAGING_MESSAGES.dailyLimit);
    return {
      message: toOutboxMessage({ message: message!, channelName: channel.name, campaignName: null }),
      usage: await describeUsage(tx, account, { daily: used }),
      notice: MESSAGING_MESSAGES.queued,
    };
  });
}
