import { sql } from 'drizzle-orm';
import { CHANNEL_MESSAGES, type ExtendChannelReply } from '../../../contracts/channels';
import { MESSAGES } from '../../../contracts/errors';
import { DAY_MS } from '../../../domain/service-days';
import { AppError, notFound } from '../../app-error';
import { isWhapiError, type WhapiChannel } from '../../integrations/whapi/index';
import type { Actor } from '../audit/record-audit';
import { withPartnerClient } from '../whapi/with-partner-client';
import type { ChannelDeps } from './channel-deps';
import {
  failOperation,
  findOperationByKey,
  noteOperation,
  replayOperation,
  requireNoOperationInProgress,
  reservedExtendDays,
  startOperation,
  type OperationRow,
} from './channel-operations';
import { findChannelView, type ChannelView } from './channel-row';
import { commitExtend } from './commit-extend';
import { switchToLive } from './switch-to-live';

export interface ExtendChannelInput {
  actor: Actor;
  channelId: string;
  days: number;
  idempotencyKey?: string | null;
  /** Set by auto-allocation: why it ran (kept in the audit row). */
  auto?: string | null;
}

/** WHAPI took the extend when `activeTill` moved by the days (allowing a minute of clock noise). */
export function extendLanded(before: Date | null, after: Date | null, days: number): boolean {
  if (!after) return false;
  return after.getTime() - (before?.getTime() ?? 0) >= days * DAY_MS - 60_000;
}

/**
 * Allocates N days of the main balance to a channel (DOMAIN.md "Allocation (extend) rules"): pre-check the
 * balance, record the operation, WHAPI extend with our operation id in the comment, and only on success commit
 * the clock, the balance and the ledger. Concurrent allocations can never spend more than the balance (L1, L2):
 * started extends hold their days until settled, so WHAPI is never asked for days we could not pay for.
 */
export async function extendChannel(deps: ChannelDeps, input: ExtendChannelInput): Promise<ExtendChannelReply> {
  const view = await findChannelView(deps.db, input.channelId);
  if (!view || view.channel.deletedAt) throw notFound('Channel');
  if (view.ownerBanned) throw new AppError('CONFLICT', CHANNEL_MESSAGES.ownerBanned);
  const fingerprint = JSON.stringify({ channelId: input.channelId, days: input.days });

  const reserved = await reserve(deps, view, input, fingerprint);
  if (reserved.replay) return replayOperation<ExtendChannelReply>(deps.db, reserved.replay, fingerprint);
  const op = reserved.op;

  let before: WhapiChannel;
  try {
    before = await withPartnerClient(deps, (client) => client.getChannel(view.channel.channelRef));
  } catch (error) {
    await failOperation(deps.db, op, error);
    throw error;
  }
  // What the reconciler compares against after a crash (QUALITY L8); written before WHAPI moves any day.
  const noted = { activeTillBefore: before.activeTill?.toISOString() ?? null, modeBefore: before.mode };
  await noteOperation(deps.db, op, { request: noted });
  const current: OperationRow = { ...op, request: { ...(op.request as object), ...noted } };

  try {
    await withPartnerClient(deps, (client) =>
      client.extendChannel(view.channel.channelRef, { days: input.days, comment: `Top-up for ${view.ownerEmail} · ref ${op.id}` }),
    );
  } catch (error) {
    const settled = await settleUnknownOutcome(deps, current, before, input, error);
    if (!settled) throw error;
    return settled;
  }

  const reply = await commitExtend(deps, current, { state: 'succeeded', actor: input.actor, auto: input.auto ?? null });
  if (!reply) return replayOperation<ExtendChannelReply>(deps.db, current, fingerprint);
  if (before.mode === 'trial') await switchToLive(deps, view.channel.id, view.channel.channelRef);
  return reply;
}

async function reserve(deps: ChannelDeps, view: ChannelView, input: ExtendChannelInput, fingerprint: string) {
  return deps.db.transaction(async (tx): Promise<{ op: OperationRow; replay?: undefined } | { replay: OperationRow }> => {
    // One lock for every allocation: the balance, the reservations and the new operation are read and written
    // in one serial order, so 200 concurrent requests see each other's reservations.
    const locked = await tx.execute<{ days: number }>(sql`SELECT days FROM main_balance WHERE id = 1 FOR UPDATE`);
    if (input.idempotencyKey) {
      const existing = await findOperationByKey(tx, 'extend', input.actor.userId, input.idempotencyKey);
      if (existing) return { replay: existing };
    }
    const available = (locked.rows[0]?.days ?? 0) - (await reservedExtendDays(tx));
    if (available < input.days) throw new AppError('INSUFFICIENT_BALANCE', MESSAGES.insufficientMainBalance);
    await requireNoOperationInProgress(tx, view.channel.id);
    const op = await startOperation(tx, {
      kind: 'extend',
      channelId: view.channel.id,
      userId: view.channel.userId,
      actorId: input.actor.userId,
      days: input.days,
      idempotencyKey: input.idempotencyKey ?? null,
      request: { fingerprint, channelRef: view.channel.channelRef, auto: input.auto ?? null },
    });
    return { op };
  });
}

/**
 * WHAPI's extend failed. A refusal (4xx, open circuit) moved nothing: the operation fails. When no clear answer
 * came (timeout, network, 5xx, unreadable reply) WHAPI may have moved the days: re-read the channel and commit
 * if it did; if we cannot tell, the operation stays `started` (its days reserved) for the reconciler.
 */
async function settleUnknownOutcome(
  deps: ChannelDeps,
  op: OperationRow,
  before: WhapiChannel,
  input: ExtendChannelInput,
  error: unknown,
): Promise<ExtendChannelReply | null> {
  const unknown = isWhapiError(error) && (error.kind === 'timeout' || error.kind === 'unavailable' || error.kind === 'bad_reply');
  if (!unknown) {
    await failOperation(deps.db, op, error);
    return null;
  }
  let after: WhapiChannel;
  try {
    after = await withPartnerClient(deps, (client) => client.getChannel(before.id));
  } catch {
    deps.log.warn({ operationId: op.id }, 'extend outcome unknown; left for the reconciler');
    return null;
  }
  if (!extendLanded(before.activeTill, after.activeTill, input.days)) {
    await failOperation(deps.db, op, error);
    return null;
  }
  deps.log.warn({ operationId: op.id }, 'WHAPI extended although its answer was lost; committing');
  return commitExtend(deps, op, { state: 'succeeded', actor: input.actor, auto: input.auto ?? null });
}
