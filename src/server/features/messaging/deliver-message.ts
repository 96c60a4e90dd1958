import { eq, sql } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index';
import { findChannelView } from '../channels/channel-row';
import { messagingGate, type MessagingDeps } from './messaging-deps';
import { deliverMessageJob } from './messaging-job-refs';
import { attemptSend, claimQueued, recordOutcome, senderBlock, type SendOutcome } from './send-attempt';

/** A single message gives up after this many "not now" answers from WHAPI, and says so. */
export const MAX_ATTEMPTS = 5;

/**
 * The delivery job of one single message: claim it, send it with the channel's token, record WHAPI's answer.
 * A banned owner's message stays queued and is not sent (QUALITY S2; the unban sweep picks it up again).
 */
export async function deliverMessage(deps: MessagingDeps, messageId: number): Promise<string> {
  const now = new Date();
  const claim = await deps.db.transaction(async (tx) => {
    const [queued] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, messageId));
    if (!queued || queued.status !== 'queued') return { outcome: 'not_queued' as const };
    const view = await findChannelView(tx, queued.channelId);
    const block = view ? senderBlock(view, now) : { kind: 'blocked' as const, reason: 'This channel no longer exists.' };
    if (block?.kind === 'banned') return { outcome: 'user_banned' as const };
    if (block) {
      await tx
        .update(outboxMessages)
        .set({ status: 'failed', error: block.reason, updatedAt: now })
        .where(sql`${outboxMessages.id} = ${messageId} AND ${outboxMessages.status} = 'queued'`);
      return { outcome: 'blocked' as const };
    }
    const [message] = await claimQueued(tx, sql`id = ${messageId}`, 1);
    return message ? { outcome: 'claimed' as const, message, view: view! } : { outcome: 'not_queued' as const };
  });
  if (claim.outcome === 'user_banned') {
    deps.log.info({ messageId, outcome: 'user_banned' }, 'message not sent: the owner is banned (user_banned)');
  }
  if (claim.outcome !== 'claimed') return claim.outcome;

  const { message, view } = claim;
  const outcome = await attemptSend(messagingGate(deps, view.channel), message);
  // A single message was charged to the daily limit when it was accepted; retries never charge it again. It is
  // not kept waiting behind a channel that cannot send: the person sees why it failed at once.
  const final: SendOutcome =
    outcome.kind === 'channel_blocked' || (outcome.kind === 'retry_later' && message.attempts >= MAX_ATTEMPTS)
      ? { kind: 'failed', error: outcome.error }
      : outcome;
  await deps.db.transaction(async (tx) => {
    const requeued = await recordOutcome(tx, message.id, final);
    if (requeued && final.kind === 'retry_later') {
      const delaySeconds = Math.max(Math.ceil((final.retryAfterMs ?? 0) / 1000), 15 * message.attempts);
      await deps.jobs?.enqueue(deliverMessageJob, { messageId: message.id }, { tx, delaySeconds });
    }
  });
  return final.kind;
}
