import { z } from 'zod';
import { defineJobRef } from '../../jobs/define-job';

/** Applies one stored PayPal webhook event (webhook_events.id); bound in job-registry.ts. */
export const applyPayPalEventJob = defineJobRef('paypal.apply-event', z.object({ eventId: z.number().int().positive() }));

/** Daily: GET every PayPal subscription not in a final state, for the webhooks PayPal never delivered (NOTES §5.6). */
export const reconcilePayPalJob = defineJobRef('paypal.reconcile', z.object({}).passthrough());
