import { eq } from 'drizzle-orm';
import { CHANNEL_MESSAGES, type DeleteChannelReply } from '../../../contracts/channels';
import type { Db } from '../../db/connect';
import { channels } from '../../db/schema/index';
import { publishUserEvent } from '../../realtime/event-bus';
import { recordAudit, type Actor } from '../audit/record-audit';
import { changeMainBalance, readMainBalance } from '../balances/change-main-balance';
import { refundDaysAt } from './channel-clock';
import { claimOperation, storeReply, type OperationRow } from './channel-operations';

export const REFUND_NOTE = 'WHAPI delete successful — unused days returned';

/**
 * The local half of a delete, after WHAPI answered 2xx or 404 (DOMAIN.md "Channels" → Delete), in one
 * transaction: soft delete, refund of the whole unused days to the main balance with its `refund` ledger row,
 * audit with WHAPI's status and body hash. The claim on the operation makes it happen once (QUALITY L4).
 */
export async function commitDelete(
  deps: { db: Db },
  op: OperationRow,
  options: { state: 'succeeded' | 'repaired'; actor: Actor; whapiStatus: number; whapiBodySha256: string | null },
): Promise<DeleteChannelReply | null> {
  return deps.db.transaction(async (tx) => {
    const claimed = await claimOperation(tx, op.id, options.state);
    if (!claimed) return null;
    const [channel] = await tx.select().from(channels).where(eq(channels.id, op.channelId!)).for('update');
    if (!channel) throw new Error(`channel ${op.channelId} of operation ${op.id} vanished`);
    const now = new Date();
    // spec 003: floor() of what is left at the moment of deletion, so we never over-credit.
    const refundDays = channel.deletedAt ? 0 : refundDaysAt(channel.expiresAt, now);
    await tx.update(channels).set({ deletedAt: channel.deletedAt ?? now, updatedAt: now }).where(eq(channels.id, channel.id));
    const mainBalanceDays =
      refundDays > 0
        ? (
            await changeMainBalance(tx, {
              type: 'refund',
              days: refundDays,
              channelId: channel.id,
              userId: channel.userId,
              actorId: options.actor.userId,
              note: REFUND_NOTE,
              opId: op.id,
            })
          ).after
        : await readMainBalance(tx);
    await recordAudit(tx, options.actor, {
      action: 'channel.delete',
      target: { type: 'channel', id: channel.id, label: channel.name },
      meta: {
        operationId: op.id,
        channelRef: channel.channelRef,
        userId: channel.userId,
        refundDays,
        expiresAt: channel.expiresAt?.toISOString() ?? null,
        whapiStatus: options.whapiStatus,
        whapiBodySha256: options.whapiBodySha256,
        ...(options.state === 'repaired' ? { repairedByReconciler: true } : {}),
      },
    });
    const reply: DeleteChannelReply = {
      channelId: channel.id,
      operationId: op.id,
      refundedDays: refundDays,
      mainBalanceDays,
      whapiStatus: options.whapiStatus,
      message: CHANNEL_MESSAGES.deleted,
    };
    await storeReply(tx, claimed, reply);
    await publishUserEvent(tx, {
      userId: channel.userId,
      type: 'channel.updated',
      data: { channelId: channel.id, status: channel.status, authStatus: channel.authStatus, deleted: true, message: null },
    });
    return reply;
  });
}
