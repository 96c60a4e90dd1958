import { z } from 'zod';
import { defineJobRef } from '../../jobs/define-job';

/**
 * DOMAIN.md "Auto-allocation": after a plan activation or renewal (and when an active user creates a channel) the
 * user's channels are extended to follow their paid time. It calls WHAPI, so it runs as a job enqueued in the
 * transaction that credited the days; its handler is bound in job-registry.ts.
 */
export const autoAllocateChannelsJob = defineJobRef(
  'channels.auto-allocate',
  z.object({ userId: z.string().min(1), reason: z.string().max(200) }),
);
