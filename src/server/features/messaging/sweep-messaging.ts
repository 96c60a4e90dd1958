import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { messageCampaigns, outboxMessages, users } from '../../db/schema/index';
import { findChannelView } from '../channels/channel-row';
import type { MessagingDeps } from './messaging-deps';
import { messagingGate } from './messaging-deps';
import { deliverMessageJob, dispatchCampaignJob } from './messaging-job-refs';
import { refundUsage } from './message-usage';
import { whapiRecipient } from './send-attempt';
import { loadSenderAccount } from './sender-account';
import { dailyWindow } from './usage-windows';

export interface SweepOptions {
  /** Only this user's work (after an unban); otherwise everyone's. */
  userId?: string;
  /** A `sending` row claimed longer ago than this is considered orphaned by a crash. */
  staleAfterSeconds?: number;
}

export interface SweepResult {
  settledSent: number;
  requeued: number;
  campaignsRestarted: number;
  singlesRestarted: number;
}

/** WHAPI keeps message times in seconds; a claim and the send it led to may fall in different seconds. */
const CLOCK_SLACK_MS = 60_000;

/**
 * Repairs what a crash or a ban left behind (QUALITY B1, S2): a message claimed but never answered is looked up
 * in WHAPI's history of that chat — found, it was sent (recorded with WHAPI's id); not found, it goes back to the
 * queue. So a campaign killed half-way and resumed reaches every recipient exactly once. Then work nobody is doing
 * is restarted: running campaigns whose dispatcher is gone, single messages still queued. Banned owners are left.
 */
export async function sweepMessaging(deps: MessagingDeps, options: SweepOptions = {}): Promise<SweepResult> {
  const result: SweepResult = { settledSent: 0, requeued: 0, campaignsRestarted: 0, singlesRestarted: 0 };
  const owner = options.userId ? eq(outboxMessages.userId, options.userId) : undefined;
  const staleBefore = new Date(Date.now() - (options.staleAfterSeconds ?? 120) * 1000);

  const stale = await deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'sending'), lt(outboxMessages.claimedAt, staleBefore), owner))
    .orderBy(outboxMessages.id)
    .limit(500);
  for (const message of stale) {
    const view = await findChannelView(deps.db, message.channelId);
    if (!view || view.ownerBanned) continue;
    let found: { id: string; timestamp: Date } | null = null;
    try {
      const history = await messagingGate(deps, view.channel).listChatMessages({
        chatId: whapiRecipient(message.recipient),
        fromMe: true,
        timeFrom: new Date(message.claimedAt!.getTime() - CLOCK_SLACK_MS),
        count: 100,
      });
      const candidates = history.messages.filter((m) => m.fromMe && m.text === message.body);
      if (candidates.length) {
        const known = await deps.db
          .select({ id: outboxMessages.whapiMessageId })
          .from(outboxMessages)
          .where(inArray(outboxMessages.whapiMessageId, candidates.map((m) => m.id)));
        const taken = new Set(known.map((row) => row.id));
        found = candidates.find((m) => !taken.has(m.id)) ?? null;
      }
    } catch (error) {
      deps.log.warn({ err: error, messageId: message.id }, 'could not read WHAPI history for an unanswered message; will retry');
      continue;
    }
    await deps.db.transaction(async (tx) => {
      const inFlight = and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'sending'));
      if (found) {
        const done = await tx
          .update(outboxMessages)
          .set({ status: 'sent', whapiMessageId: found.id, sentAt: found.timestamp, error: null, updatedAt: new Date() })
          .where(inFlight)
          .returning({ id: outboxMessages.id });
        result.settledSent += done.length;
        return;
      }
      const back = await tx
        .update(outboxMessages)
        .set({ status: 'queued', claimedAt: null, updatedAt: new Date() })
        .where(inFlight)
        .returning({ id: outboxMessages.id });
      if (!back.length) return;
      result.requeued += 1;
      if (message.campaignId) {
        // Charged to the day it was claimed on; it will be charged again when it goes out.
        const account = await loadSenderAccount(tx, message.userId);
        const window = dailyWindow(message.claimedAt!, account?.timeZone ?? 'UTC').key;
        await refundUsage(tx, { userId: message.userId, kind: 'daily', window, count: 1 });
      } else {
        await deps.jobs?.enqueue(deliverMessageJob, { messageId: message.id }, { tx });
      }
    });
  }

  // Running campaigns without a live dispatcher (the lease ran out or was released) and not banned.
  const campaigns = await deps.db
    .select({ id: messageCampaigns.id })
    .from(messageCampaigns)
    .innerJoin(users, eq(users.id, messageCampaigns.userId))
    .where(
      and(
        eq(messageCampaigns.status, 'running'),
        or(isNull(messageCampaigns.leaseUntil), lt(messageCampaigns.leaseUntil, new Date())),
        eq(users.banned, false),
        options.userId ? eq(messageCampaigns.userId, options.userId) : undefined,
      ),
    );
  for (const campaign of campaigns) {
    await deps.jobs?.enqueue(dispatchCampaignJob, { campaignId: campaign.id }, { singletonKey: campaign.id });
    result.campaignsRestarted += 1;
  }

  // Single messages nobody is delivering: after an unban all of them; otherwise ones quiet for ten minutes.
  const quietSince = new Date(Date.now() - 10 * 60_000);
  const singles = await deps.db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .innerJoin(users, eq(users.id, outboxMessages.userId))
    .where(
      and(
        eq(outboxMessages.status, 'queued'),
        isNull(outboxMessages.campaignId),
        eq(users.banned, false),
        options.userId ? eq(outboxMessages.userId, options.userId) : lt(outboxMessages.updatedAt, quietSince),
      ),
    )
    .limit(1000);
  for (const single of singles) {
    await deps.jobs?.enqueue(deliverMessageJob, { messageId: single.id }, { singletonKey: `message:${single.id}` });
    result.singlesRestarted += 1;
  }
  return result;
}

