import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connect';
import { outboxMessages } from '../../db/schema/index';
import { isWhapiError, type WhapiGateClient } from '../../integrations/whapi/index';
import type { ChannelView } from '../channels/channel-row';
import { ownerExpired } from '../channels/channel-row';
import type { OutboxRecord } from './outbox-view';
import { channelBlockReason } from './sender-channels';

/** What one call to WHAPI's send means for the message (NOTES §B5 errors). */
export type SendOutcome =
  | { kind: 'sent'; whapiMessageId: string | null }
  /** WHAPI refused this message (bad recipient, forbidden, too large): it will never go out as it is. */
  | { kind: 'failed'; error: string }
  /** The channel cannot send at all now (not linked, trial quota used up): stop its work, keep the message. */
  | { kind: 'channel_blocked'; error: string }
  /** WHAPI answered "not now" (429, 5xx) or was not called (breaker open): nothing went out, try again later. */
  | { kind: 'retry_later'; error: string; retryAfterMs: number | null }
  /** No answer: WHAPI may or may not have sent it. The row stays `sending` until the sweep reads WHAPI's history. */
  | { kind: 'unknown'; error: string };

export const PLAN_EXPIRED_REASON = 'Your plan has expired. Renew it to send messages.';

/** Why the owner's queued work cannot go out now. `banned` is kept apart: it waits silently for an unban (S2). */
export function senderBlock(view: ChannelView, now: Date): { kind: 'banned' } | { kind: 'blocked'; reason: string } | null {
  if (view.ownerBanned) return { kind: 'banned' };
  const channelReason = channelBlockReason(view.channel, now);
  if (channelReason) return { kind: 'blocked', reason: channelReason };
  if (ownerExpired(view, now)) return { kind: 'blocked', reason: PLAN_EXPIRED_REASON };
  return null;
}

/** WHAPI wants the digits of the number (NOTES §B5 `to`). */
export const whapiRecipient = (e164: string) => e164.replace(/^\+/, '');

/** One send through the channel's Gate client (built once per batch: it opens the sealed token). */
export async function attemptSend(gate: WhapiGateClient, message: OutboxRecord): Promise<SendOutcome> {
  try {
    const result = await gate.sendText({ to: whapiRecipient(message.recipient), body: message.body });
    return { kind: 'sent', whapiMessageId: result.messageId };
  } catch (error) {
    if (!isWhapiError(error)) return { kind: 'unknown', error: error instanceof Error ? error.message : String(error) };
    const text = error.message;
    switch (error.kind) {
      case 'not_linked':
      case 'token':
        return { kind: 'channel_blocked', error: text };
      case 'limit':
        // 402 = the channel's trial quota (it will not come back today); 429 = slow down.
        return error.upstreamStatus === 402
          ? { kind: 'channel_blocked', error: text }
          : { kind: 'retry_later', error: text, retryAfterMs: error.retryAfterMs };
      case 'circuit_open':
        return { kind: 'retry_later', error: text, retryAfterMs: error.retryAfterMs };
      case 'unavailable':
      case 'timeout':
        return error.upstreamStatus ? { kind: 'retry_later', error: text, retryAfterMs: error.retryAfterMs } : { kind: 'unknown', error: text };
      default:
        return { kind: 'failed', error: text };
    }
  }
}

/**
 * Writes what a send meant, only onto a row still `sending` (a status webhook or the sweep may have moved it on).
 * Returns whether the row went back to the queue (the caller gives back its daily charge).
 */
export async function recordOutcome(tx: DbOrTx, messageId: number, outcome: SendOutcome, now: Date = new Date()): Promise<boolean> {
  const inFlight = and(eq(outboxMessages.id, messageId), eq(outboxMessages.status, 'sending'));
  switch (outcome.kind) {
    case 'sent':
      await tx
        .update(outboxMessages)
        .set({ status: 'sent', whapiMessageId: outcome.whapiMessageId, sentAt: now, error: null, updatedAt: now })
        .where(inFlight);
      return false;
    case 'failed':
      await tx.update(outboxMessages).set({ status: 'failed', error: outcome.error, updatedAt: now }).where(inFlight);
      return false;
    case 'unknown':
      await tx.update(outboxMessages).set({ error: outcome.error, updatedAt: now }).where(inFlight);
      return false;
    default: {
      const requeued = await tx
        .update(outboxMessages)
        .set({ status: 'queued', claimedAt: null, error: outcome.error, updatedAt: now })
        .where(inFlight)
        .returning({ id: outboxMessages.id });
      return requeued.length > 0;
    }
  }
}

/**
 * Writes the sends WHAPI accepted in one statement (QUALITY P3: a row-by-row write per batch took 40 % of a
 * campaign's time), onto rows still `sending` only.
 */
export async function recordSent(tx: DbOrTx, sent: { id: number; whapiMessageId: string | null }[], now: Date = new Date()): Promise<void> {
  if (!sent.length) return;
  await tx.execute(sql`
    UPDATE outbox_messages m
    SET status = 'sent', whapi_message_id = s.whapi_message_id, sent_at = ${now}, error = NULL, updated_at = ${now}
    FROM json_to_recordset(${JSON.stringify(sent.map((item) => ({ id: item.id, whapi_message_id: item.whapiMessageId })))}::json)
      AS s(id bigint, whapi_message_id text)
    WHERE m.id = s.id AND m.status = 'sending'`);
}

/** Claims queued rows for sending: marked `sending` with the claim time, so a crash after this is found later. */
export async function claimQueued(tx: DbOrTx, where: ReturnType<typeof sql>, limit: number): Promise<OutboxRecord[]> {
  const { rows } = await tx.execute<Record<string, unknown>>(sql`
    UPDATE outbox_messages SET status = 'sending', claimed_at = now(), attempts = attempts + 1, updated_at = now()
    WHERE id IN (
      SELECT id FROM outbox_messages WHERE status = 'queued' AND ${where} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);
  if (!rows.length) return [];
  const ids = rows.map((row) => Number(row.id));
  const claimed = await tx.select().from(outboxMessages).where(sql`${outboxMessages.id} = ANY(${sql.param(ids)}::bigint[])`);
  return claimed.sort((a, b) => a.id - b.id);
}
