import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect';
import { outboxMessages } from '../../db/schema/index';
import type { WhapiStatusUpdate } from '../../integrations/whapi/index';

// DOMAIN.md "Messaging": queued → sent → delivered → read only moves forward; a late "sent" after "read" changes
// nothing. WHAPI's "played" (a voice note was listened to) is a read; "pending" says nothing new.
const RANK = { queued: 0, sending: 1, sent: 2, delivered: 3, read: 4 } as const;
const FORWARD: Partial<Record<WhapiStatusUpdate['status'], keyof typeof RANK>> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'read',
};

/**
 * Applies WHAPI's status events to our outbox rows. Returns how many statuses matched no row of ours (messages
 * sent from the phone, or ones whose send we have not recorded yet).
 */
export async function applyMessageStatuses(tx: DbOrTx, statuses: WhapiStatusUpdate[], now: Date = new Date()): Promise<number> {
  let unmatched = 0;
  for (const update of statuses) {
    const at = update.timestamp ?? now;
    const byId = eq(outboxMessages.whapiMessageId, update.messageId);
    let matched: { id: number }[];
    if (update.status === 'failed') {
      // Only a message not yet delivered can still fail.
      matched = await tx
        .update(outboxMessages)
        .set({ status: 'failed', error: `WhatsApp could not deliver this message${update.code ? ` (code ${update.code})` : ''}.`, updatedAt: now })
        .where(and(byId, sql`${outboxMessages.status} IN ('sending', 'sent')`))
        .returning({ id: outboxMessages.id });
    } else {
      const target = FORWARD[update.status];
      if (!target) continue;
      const earlier = Object.entries(RANK)
        .filter(([, rank]) => rank < RANK[target])
        .map(([status]) => status);
      matched = await tx
        .update(outboxMessages)
        .set({
          status: target,
          sentAt: sql`coalesce(${outboxMessages.sentAt}, ${at})`,
          ...(target !== 'sent' ? { deliveredAt: sql`coalesce(${outboxMessages.deliveredAt}, ${at})` } : {}),
          ...(target === 'read' ? { readAt: sql`coalesce(${outboxMessages.readAt}, ${at})` } : {}),
          updatedAt: now,
        })
        .where(and(byId, sql`${outboxMessages.status} IN (${sql.join(earlier.map((s) => sql`${s}`), sql`, `)})`))
        .returning({ id: outboxMessages.id });
    }
    if (!matched.length) {
      const [known] = await tx.select({ id: outboxMessages.id }).from(outboxMessages).where(byId);
      if (!known) unmatched += 1;
    }
  }
  return unmatched;
}

/** Whether a channel has messages handed to WHAPI whose answer we have not written yet. */
export async function hasMessagesInFlight(tx: DbOrTx, channelId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.channelId, channelId), eq(outboxMessages.status, 'sending')))
    .limit(1);
  return Boolean(row);
}
