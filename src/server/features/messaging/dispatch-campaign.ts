import { and, eq, sql } from 'drizzle-orm';
import { MESSAGING_MESSAGES } from '../../../contracts/messaging';
import type { DbOrTx } from '../../db/connect';
import { messageCampaigns, outboxMessages } from '../../db/schema/index';
import { findChannelView, type ChannelView } from '../channels/channel-row';
import { refundUsage, takeUsage } from './message-usage';
import { messagingGate, type MessagingDeps } from './messaging-deps';
import { dispatchCampaignJob } from './messaging-job-refs';
import type { OutboxRecord } from './outbox-view';
import { attemptSend, claimQueued, recordOutcome, recordSent, senderBlock, type SendOutcome } from './send-attempt';
import { loadSenderAccount } from './sender-account';

export interface DispatchOptions {
  /** Work for about this long, then hand over to a fresh job (so a deploy or a kill loses little). */
  budgetMs?: number;
  /** Messages claimed per batch when pacing is off. */
  batchSize?: number;
  /** Sends in flight at once when pacing is off. */
  concurrency?: number;
}

/** How long a dispatcher holds a campaign between two batches; a dead one's lease runs out and the sweep restarts. */
const LEASE_SECONDS = 120;

type Step =
  | { kind: 'stop'; reason: string }
  | { kind: 'wait'; seconds: number; reason: string }
  | { kind: 'batch'; view: ChannelView; messages: OutboxRecord[]; dailyWindow: string; intervalSeconds: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a campaign (DOMAIN.md "Messaging"): batch by batch, each batch claimed (`sending`) in a transaction that
 * first checks the campaign still runs, the owner is not banned (S2), the channel can send and today's limit has
 * room. One dispatcher per campaign holds a lease, so pacing holds and two workers never race over it.
 */
export async function dispatchCampaign(deps: MessagingDeps, campaignId: string, options: DispatchOptions = {}): Promise<string> {
  const budgetMs = options.budgetMs ?? 50_000;
  const started = Date.now();
  const acquired = await deps.db
    .update(messageCampaigns)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(
      and(
        eq(messageCampaigns.id, campaignId),
        eq(messageCampaigns.status, 'running'),
        sql`(${messageCampaigns.leaseUntil} IS NULL OR ${messageCampaigns.leaseUntil} <= now())`,
      ),
    )
    .returning({ id: messageCampaigns.id });
  if (!acquired.length) return 'not_available';

  let release: Date | null = null;
  try {
    for (;;) {
      const step = await nextBatch(deps, campaignId, options.batchSize ?? 50);
      if (step.kind === 'stop') return step.reason;
      if (step.kind === 'wait') {
        release = new Date(Date.now() + step.seconds * 1000);
        await deps.jobs?.enqueue(dispatchCampaignJob, { campaignId }, { delaySeconds: step.seconds + 1 });
        return step.reason;
      }
      const stop = await sendBatch(deps, campaignId, step, options.concurrency ?? 10);
      if (stop) {
        if (stop.kind === 'wait') {
          release = new Date(Date.now() + stop.seconds * 1000);
          await deps.jobs?.enqueue(dispatchCampaignJob, { campaignId }, { delaySeconds: stop.seconds + 1 });
        }
        return stop.reason;
      }
      const pacedMs = step.intervalSeconds * 1000;
      if (Date.now() - started + pacedMs > budgetMs) {
        // Hand over: the next job starts after the pause the pacing asks for.
        release = pacedMs ? new Date(Date.now() + pacedMs) : null;
        await deps.jobs?.enqueue(dispatchCampaignJob, { campaignId }, { delaySeconds: step.intervalSeconds || undefined, singletonKey: campaignId });
        return 'handed_over';
      }
      if (pacedMs) await sleep(pacedMs);
      await deps.db
        .update(messageCampaigns)
        .set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
        .where(eq(messageCampaigns.id, campaignId));
    }
  } finally {
    await deps.db.update(messageCampaigns).set({ leaseUntil: release }).where(eq(messageCampaigns.id, campaignId));
  }
}

async function nextBatch(deps: MessagingDeps, campaignId: string, batchSize: number): Promise<Step> {
  const now = new Date();
  return deps.db.transaction(async (tx) => {
    const [campaign] = await tx.select().from(messageCampaigns).where(eq(messageCampaigns.id, campaignId)).for('update');
    if (!campaign || campaign.status !== 'running') return { kind: 'stop', reason: campaign?.status ?? 'missing' };
    const view = await findChannelView(tx, campaign.channelId);
    const block = view ? senderBlock(view, now) : { kind: 'blocked' as const, reason: 'This channel no longer exists.' };
    if (block?.kind === 'banned') {
      deps.log.info({ campaignId, userId: campaign.userId, outcome: 'user_banned' }, 'campaign not sent: the owner is banned (user_banned)');
      return { kind: 'stop', reason: 'user_banned' };
    }
    if (block) {
      await pause(tx, campaignId, block.reason);
      return { kind: 'stop', reason: 'paused' };
    }
    const account = await loadSenderAccount(tx, campaign.userId, now);
    if (!account) return { kind: 'stop', reason: 'missing' };
    const wanted = campaign.intervalSeconds > 0 ? 1 : batchSize;
    const granted = await takeUsage(tx, { userId: campaign.userId, kind: 'daily', window: account.daily.key, count: wanted, limit: account.dailyLimit });
    const messages = granted ? await claimQueued(tx, sql`campaign_id = ${campaignId}`, granted) : [];
    await refundUsage(tx, { userId: campaign.userId, kind: 'daily', window: account.daily.key, count: granted - messages.length });
    if (messages.length) {
      if (campaign.pausedReason) await tx.update(messageCampaigns).set({ pausedReason: null, updatedAt: now }).where(eq(messageCampaigns.id, campaignId));
      return { kind: 'batch', view: view!, messages, dailyWindow: account.daily.key, intervalSeconds: campaign.intervalSeconds };
    }
    if (!granted) {
      const seconds = Math.max(1, Math.ceil((account.daily.resetsAt.getTime() - now.getTime()) / 1000));
      await tx.update(messageCampaigns).set({ pausedReason: MESSAGING_MESSAGES.dailyWait, updatedAt: now }).where(eq(messageCampaigns.id, campaignId));
      return { kind: 'wait', seconds, reason: 'daily_limit' };
    }
    // Nothing queued: done once no message is still in flight (a crash's `sending` rows wait for the sweep).
    const [inFlight] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.campaignId, campaignId), eq(outboxMessages.status, 'sending')));
    if (inFlight!.n > 0) return { kind: 'stop', reason: 'in_flight' };
    await tx
      .update(messageCampaigns)
      .set({ status: 'completed', completedAt: now, pausedReason: null, updatedAt: now })
      .where(eq(messageCampaigns.id, campaignId));
    return { kind: 'stop', reason: 'completed' };
  });
}

async function pause(tx: DbOrTx, campaignId: string, reason: string): Promise<void> {
  await tx
    .update(messageCampaigns)
    .set({ status: 'paused', pausedReason: reason, updatedAt: new Date() })
    .where(and(eq(messageCampaigns.id, campaignId), eq(messageCampaigns.status, 'running')));
}

/** Sends one claimed batch, a few at a time, and records every answer. Returns why to stop, or null to go on. */
async function sendBatch(
  deps: MessagingDeps,
  campaignId: string,
  step: Extract<Step, { kind: 'batch' }>,
  concurrency: number,
): Promise<{ kind: 'stop' | 'wait'; reason: string; seconds: number } | null> {
  const outcomes = new Map<number, SendOutcome>();
  const gate = messagingGate(deps, step.view.channel);
  let next = 0;
  let halted: SendOutcome | null = null;
  const worker = async () => {
    while (next < step.messages.length && !halted) {
      const message = step.messages[next++]!;
      const outcome = await attemptSend(gate, message);
      outcomes.set(message.id, outcome);
      // The channel cannot send, WHAPI asks us to slow down, or did not answer: the rest of the batch stays unsent.
      if (outcome.kind !== 'sent' && outcome.kind !== 'failed') halted = outcome;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, step.messages.length) }, worker));

  return deps.db.transaction(async (tx) => {
    let requeued = 0;
    const sent: { id: number; whapiMessageId: string | null }[] = [];
    const haltReason = halted && 'error' in halted ? halted.error : null;
    for (const message of step.messages) {
      // Never attempted (the batch halted first): back to the queue like a "not now".
      const outcome = outcomes.get(message.id) ?? { kind: 'retry_later', error: haltReason ?? '', retryAfterMs: null };
      if (outcome.kind === 'sent') sent.push({ id: message.id, whapiMessageId: outcome.whapiMessageId });
      else if (await recordOutcome(tx, message.id, outcome)) requeued += 1;
    }
    await recordSent(tx, sent);
    await refundUsage(tx, { userId: step.view.channel.userId, kind: 'daily', window: step.dailyWindow, count: requeued });
    if (halted?.kind === 'channel_blocked') {
      await pause(tx, campaignId, halted.error);
      return { kind: 'stop' as const, reason: 'paused', seconds: 0 };
    }
    if (halted) {
      const seconds = halted.kind === 'retry_later' ? Math.max(5, Math.ceil((halted.retryAfterMs ?? 0) / 1000)) : 30;
      return { kind: 'wait' as const, reason: 'retry_later', seconds };
    }
    return null;
  });
}
