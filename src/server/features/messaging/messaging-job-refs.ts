import { z } from 'zod';
import { defineJobRef } from '../../jobs/define-job';

/** Sends one single (non-campaign) outbox message; enqueued with the insert that wrote it. */
export const deliverMessageJob = defineJobRef('messaging.deliver', z.object({ messageId: z.number().int().positive() }));

/** Sends a campaign's queued messages in batches, paced, until done or stopped; re-enqueues itself to go on. */
export const dispatchCampaignJob = defineJobRef('messaging.dispatch-campaign', z.object({ campaignId: z.string().min(1) }));

/**
 * Every minute, and at once after an unban: settles messages a crash left `sending` (from WHAPI's history) and
 * restarts work nobody is doing — running campaigns without a dispatcher, single messages still queued.
 */
export const sweepMessagingJob = defineJobRef('messaging.sweep', z.looseObject({ userId: z.string().optional() }));
