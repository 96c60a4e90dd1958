import { eq } from 'drizzle-orm';
import type { DeleteChannelReply, DeletePreview } from '../../../contracts/channels';
import { notFound } from '../../app-error';
import { channels } from '../../db/schema/index';
import { isWhapiError } from '../../integrations/whapi/index';
import type { Actor } from '../audit/record-audit';
import { readMainBalance } from '../balances/change-main-balance';
import { withPartnerClient } from '../whapi/with-partner-client';
import { refundDaysAt } from './channel-clock';
import type { ChannelDeps } from './channel-deps';
import {
  failOperation,
  findOperationByKey,
  replayOperation,
  requireNoOperationInProgress,
  startOperation,
  type OperationRow,
} from './channel-operations';
import { commitDelete } from './commit-delete';

/** The confirm dialog: what a delete would refund right now. */
export async function previewDelete(deps: Pick<ChannelDeps, 'db'>, channelId: string): Promise<DeletePreview> {
  const [channel] = await deps.db.select().from(channels).where(eq(channels.id, channelId));
  if (!channel || channel.deletedAt) throw notFound('Channel');
  return {
    channelId: channel.id,
    name: channel.name,
    expiresAt: channel.expiresAt?.toISOString() ?? null,
    refundDays: refundDaysAt(channel.expiresAt, new Date()),
    mainBalanceDays: await readMainBalance(deps.db),
  };
}

/**
 * Admin delete (DOMAIN.md "Channels" → Delete): WHAPI `DELETE /channels/{id}` with the partner token; 2xx or
 * 404 → soft delete + refund; a network error, 401 or 5xx → WHAPI's error and nothing changes.
 */
export async function deleteChannel(
  deps: ChannelDeps,
  input: { actor: Actor; channelId: string; idempotencyKey?: string | null },
): Promise<DeleteChannelReply> {
  const fingerprint = JSON.stringify({ channelId: input.channelId });
  const reserved = await deps.db.transaction(async (tx): Promise<{ op: OperationRow } | { replay: OperationRow }> => {
    // The channel's lock orders concurrent deletes; the key is looked up after it, so a retry sees the first.
    const [channel] = await tx.select().from(channels).where(eq(channels.id, input.channelId)).for('update');
    if (input.idempotencyKey) {
      const existing = await findOperationByKey(tx, 'delete', input.actor.userId, input.idempotencyKey);
      if (existing) return { replay: existing };
    }
    if (!channel || channel.deletedAt) throw notFound('Channel');
    await requireNoOperationInProgress(tx, channel.id);
    const op = await startOperation(tx, {
      kind: 'delete',
      channelId: channel.id,
      userId: channel.userId,
      actorId: input.actor.userId,
      idempotencyKey: input.idempotencyKey ?? null,
      request: { fingerprint, channelRef: channel.channelRef },
    });
    return { op };
  });
  if ('replay' in reserved) return replayOperation<DeleteChannelReply>(deps.db, reserved.replay, fingerprint);
  const { op } = reserved;
  const channelRef = (op.request as { channelRef: string }).channelRef;

  let answer: { status: number; bodyHash: string };
  try {
    answer = await withPartnerClient(deps, (client) => client.deleteChannel(channelRef));
  } catch (error) {
    const settled = await settleUnknownOutcome(deps, op, input.actor, channelRef, error);
    if (!settled) throw error;
    return settled;
  }
  if (answer.status === 404) deps.log.warn({ channelId: input.channelId, operationId: op.id }, 'WHAPI had no such channel (404); deleting it here');
  const reply = await commitDelete(deps, op, {
    state: 'succeeded',
    actor: input.actor,
    whapiStatus: answer.status,
    whapiBodySha256: answer.bodyHash,
  });
  return reply ?? replayOperation<DeleteChannelReply>(deps.db, op, fingerprint);
}

/**
 * A delete without a clear answer (timeout, network, 5xx after retries) may still have happened: ask WHAPI
 * whether the channel exists. Gone → commit as a 404; still there → nothing changed; no answer → the
 * operation waits for the reconciler.
 */
async function settleUnknownOutcome(
  deps: ChannelDeps,
  op: OperationRow,
  actor: Actor,
  channelRef: string,
  error: unknown,
): Promise<DeleteChannelReply | null> {
  const unknown = isWhapiError(error) && (error.kind === 'timeout' || error.kind === 'unavailable' || error.kind === 'bad_reply');
  if (!unknown) {
    await failOperation(deps.db, op, error);
    return null;
  }
  try {
    await withPartnerClient(deps, (client) => client.getChannel(channelRef));
  } catch (lookup) {
    if (isWhapiError(lookup) && lookup.kind === 'not_found') {
      return commitDelete(deps, op, { state: 'succeeded', actor, whapiStatus: 404, whapiBodySha256: null });
    }
    deps.log.warn({ operationId: op.id }, 'delete outcome unknown; left for the reconciler');
    return null;
  }
  await failOperation(deps.db, op, error);
  return null;
}
