import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { webhookEvents } from '../../db/schema/index';

const MAX_ERROR_LENGTH = 2000;

/**
 * Marks a dead-lettered event failed with the error its last attempt threw; `processed_at` stays null so a replay
 * can apply it. An event that got applied meanwhile (the receiving process, an earlier delivery) stays as it is.
 */
export async function recordWebhookFailure(db: Db, eventId: number, failure: string | null): Promise<boolean> {
  const error = (failure?.trim() || 'The job failed without an error message.').slice(0, MAX_ERROR_LENGTH);
  const marked = await db
    .update(webhookEvents)
    .set({ outcome: 'failed', error })
    .where(and(eq(webhookEvents.id, eventId), isNull(webhookEvents.processedAt)))
    .returning({ id: webhookEvents.id });
  return marked.length > 0;
}
