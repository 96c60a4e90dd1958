import { and, eq, sql } from 'drizzle-orm';
import type { Campaign } from '../../../contracts/messaging';
import { AppError, notFound } from '../../app-error';
import { messageCampaigns, outboxMessages } from '../../db/schema/index';
import { describeCampaign, findUserCampaign } from './campaign-view';
import { refundUsage } from './message-usage';
import type { MessagingDeps } from './messaging-deps';
import { dispatchCampaignJob } from './messaging-job-refs';

export type CampaignAction = 'pause' | 'resume' | 'cancel';

const ALLOWED: Record<CampaignAction, readonly string[]> = {
  pause: ['running'],
  resume: ['paused'],
  cancel: ['running', 'paused'],
};

const REFUSED: Record<CampaignAction, string> = {
  pause: 'Only a running campaign can be paused.',
  resume: 'Only a paused campaign can be resumed.',
  cancel: 'This campaign has already finished.',
};

/**
 * Pause keeps the queue (messages already handed to WHAPI finish); resume starts a dispatcher again; cancel drops
 * the unsent messages and gives them back to the bulk allowance of the period the campaign was charged to.
 */
export async function changeCampaign(deps: MessagingDeps, input: { userId: string; campaignId: string; action: CampaignAction }): Promise<Campaign> {
  return deps.db.transaction(async (tx) => {
    const found = await findUserCampaign(tx, input.userId, input.campaignId);
    if (!found) throw notFound('Campaign');
    const [locked] = await tx.select().from(messageCampaigns).where(eq(messageCampaigns.id, input.campaignId)).for('update');
    if (!ALLOWED[input.action].includes(locked!.status)) throw new AppError('CONFLICT', REFUSED[input.action]);
    const now = new Date();
    if (input.action === 'pause') {
      await tx.update(messageCampaigns).set({ status: 'paused', pausedReason: null, updatedAt: now }).where(eq(messageCampaigns.id, locked!.id));
    } else if (input.action === 'resume') {
      await tx
        .update(messageCampaigns)
        .set({ status: 'running', pausedReason: null, leaseUntil: null, updatedAt: now })
        .where(eq(messageCampaigns.id, locked!.id));
      await deps.jobs?.enqueue(dispatchCampaignJob, { campaignId: locked!.id }, { tx, singletonKey: locked!.id });
    } else {
      const dropped = await tx
        .update(outboxMessages)
        .set({ status: 'cancelled', updatedAt: now })
        .where(and(eq(outboxMessages.campaignId, locked!.id), eq(outboxMessages.status, 'queued')))
        .returning({ id: outboxMessages.id });
      await refundUsage(tx, { userId: locked!.userId, kind: 'bulk', window: locked!.bulkWindow, count: dropped.length });
      await tx
        .update(messageCampaigns)
        .set({ status: 'cancelled', pausedReason: null, completedAt: now, updatedAt: now, leaseUntil: sql`NULL` })
        .where(eq(messageCampaigns.id, locked!.id));
    }
    const [after] = await tx.select().from(messageCampaigns).where(eq(messageCampaigns.id, locked!.id));
    return describeCampaign(tx, after!, found.channelName);
  });
}
