import { eq } from 'drizzle-orm';
import type { ExtendChannelReply } from '../../../contracts/channels';
import type { Db } from '../../db/connect';
import { channels } from '../../db/schema/index';
import { publishUserEvent } from '../../realtime/event-bus';
import type { SecretBox } from '../../secrets/secret-box';
import { recordAudit, type Actor } from '../audit/record-audit';
import { changeMainBalance } from '../balances/change-main-balance';
import { extendedExpiry } from './channel-clock';
import { claimOperation, storeReply, type OperationRow } from './channel-operations';
import { findChannelView, toAdminChannel } from './channel-row';

export const EXTEND_NOTE = 'WHAPI extend successful';

/**
 * The local half of an allocation, after WHAPI confirmed the extend (spec 003 "On success"), in one
 * transaction: the channel clock, main balance −N with its `allocate` ledger row, audit, the stored answer.
 * Used by the request itself and by the reconciler; the claim on the operation lets only one of them apply it.
 * Returns null when someone else already settled the operation.
 */
export async function commitExtend(
  deps: { db: Db; box: SecretBox },
  op: OperationRow,
  options: { state: 'succeeded' | 'repaired'; actor: Actor; auto?: string | null },
): Promise<ExtendChannelReply | null> {
  return deps.db.transaction(async (tx) => {
    const claimed = await claimOperation(tx, op.id, options.state);
    if (!claimed) return null;
    const days = op.days!;
    const [channel] = await tx.select().from(channels).where(eq(channels.id, op.channelId!)).for('update');
    if (!channel) throw new Error(`channel ${op.channelId} of operation ${op.id} vanished`);
    const now = new Date();
    // A new stretch of activity starts when the channel had no time left; otherwise it keeps its start.
    const startsNewStretch = !channel.expiresAt || channel.expiresAt.getTime() <= now.getTime();
    const expiresAt = extendedExpiry(channel.expiresAt, days, now);
    await tx
      .update(channels)
      .set({ status: 'active', expiresAt, activeFrom: startsNewStretch ? now : channel.activeFrom, updatedAt: now })
      .where(eq(channels.id, channel.id));
    const balance = await changeMainBalance(tx, {
      type: 'allocate',
      days,
      channelId: channel.id,
      userId: channel.userId,
      actorId: options.actor.userId,
      note: EXTEND_NOTE,
      opId: op.id,
    });
    const activated = channel.status === 'pending';
    await recordAudit(tx, options.actor, {
      action: activated ? 'channel.activate' : 'channel.extend',
      target: { type: 'channel', id: channel.id, label: channel.name },
      meta: {
        days,
        operationId: op.id,
        channelRef: channel.channelRef,
        expiresAtBefore: channel.expiresAt?.toISOString() ?? null,
        expiresAtAfter: expiresAt.toISOString(),
        mainBalanceAfter: balance.after,
        ...(options.auto ? { auto: options.auto } : {}),
        ...(options.state === 'repaired' ? { repairedByReconciler: true } : {}),
      },
    });
    const view = (await findChannelView(tx, channel.id))!;
    const reply: ExtendChannelReply = {
      channel: toAdminChannel(view, deps.box, now),
      operationId: op.id,
      days,
      mainBalanceDays: balance.after,
      message: activated ? `Channel activated for ${days} days.` : `Channel extended by ${days} days.`,
    };
    await storeReply(tx, claimed, reply);
    await publishUserEvent(tx, {
      userId: channel.userId,
      type: 'channel.updated',
      data: { channelId: channel.id, status: 'active', authStatus: channel.authStatus, deleted: false, message: null },
    });
    return reply;
  });
}
