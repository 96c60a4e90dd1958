import { z } from 'zod';
import { defineJobRef } from '../../jobs/define-job';

/** Applies one stored channel webhook event (webhook_events.id); enqueued with the insert that stored it. */
export const applyChannelEventJob = defineJobRef('channels.apply-webhook', z.object({ eventId: z.number().int().positive() }));

/** QUALITY L8: settles operations a crash left half-done. Cron, and once when a web process starts. */
export const reconcileChannelOperationsJob = defineJobRef(
  'channels.reconcile',
  z.looseObject({ olderThanSeconds: z.number().int().min(0).optional() }),
);

/** spec 003: channels whose clock ran out become `expired`. */
export const expireChannelsJob = defineJobRef('channels.expire', z.looseObject({}));
