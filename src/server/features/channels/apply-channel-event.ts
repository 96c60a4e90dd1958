import { and, eq, isNull, sql } from 'drizzle-orm';
import { channels, webhookEvents } from '../../db/schema/index';
import { parseWhapiWebhook, type WhapiGateWebhook, type WhapiStatusUpdate } from '../../integrations/whapi/index';
import { applyMessageStatuses, hasMessagesInFlight } from '../messaging/apply-message-statuses';
import type { ChannelDeps } from './channel-deps';
import { selectChannelViews, type ChannelView } from './channel-row';
import { gateFor } from './channel-whapi';
import { applyLinkObservation, observeHealth, type LinkObservation } from './link-state';

/** How long a status that matches no message of ours may wait for its message's send to be recorded. */
const STATUS_WAIT_MS = 2 * 60_000;

/**
 * Applies one stored channel event (webhook_events), once: its row is claimed in the transaction that applies
 * it. Events are hints (STYLE "Webhooks are triggers, not truth"): a link or unlink is confirmed by reading the
 * channel's health from WHAPI, so redeliveries and out-of-order events end in WHAPI's real state (W2). A banned
 * owner's events are acknowledged and ignored (S2). Status events move outbox messages forward (DOMAIN.md
 * "Messaging"); incoming messages are kept with the event.
 */
export async function applyChannelEvent(deps: ChannelDeps, eventId: number): Promise<string | null> {
  const [event] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!event || event.processedAt) return null;
  const [view] = event.subjectRef
    ? await selectChannelViews(deps.db).where(eq(channels.channelRef, event.subjectRef))
    : [];
  const parsed = parseWhapiWebhook(event.payload);

  let outcome: string;
  let observation: LinkObservation | null = null;
  let lastMessageAt: Date | null = null;
  let statuses: WhapiStatusUpdate[] = [];
  if (!view) outcome = 'unknown_channel';
  else if (view.ownerBanned) {
    outcome = 'user_banned';
    deps.log.info(
      { eventId, eventType: event.eventType, channelId: view.channel.id, userId: view.channel.userId, outcome },
      'channel webhook ignored: the owner is banned (user_banned)',
    );
  } else if (view.channel.deletedAt) outcome = 'channel_deleted';
  else if (!parsed.ok) outcome = 'unreadable';
  else {
    ({ outcome, observation, lastMessageAt } = await interpret(deps, view, parsed.event));
    if (parsed.event.kind === 'statuses') statuses = parsed.event.statuses;
  }

  return deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .select({ id: webhookEvents.id })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.id, eventId), isNull(webhookEvents.processedAt)))
      .for('update', { skipLocked: true });
    if (!claimed) return null;
    if (view && observation) {
      const applied = await applyLinkObservation(tx, view.channel.id, observation);
      if (applied !== 'applied') outcome = applied;
    }
    if (view && lastMessageAt) {
      await tx
        .update(channels)
        .set({ lastMessageAt: sql`greatest(${channels.lastMessageAt}, ${lastMessageAt})` })
        .where(eq(channels.id, view.channel.id));
    }
    if (view && statuses.length) {
      const unmatched = await applyMessageStatuses(tx, statuses);
      // WHAPI can report a status before our dispatcher has written the id WHAPI gave it (a few ms apart): while
      // that channel has sends in flight, try again shortly instead of losing the status. Statuses of messages
      // sent from the phone never match and are simply kept with the event.
      if (unmatched && Date.now() - event.receivedAt.getTime() < STATUS_WAIT_MS && (await hasMessagesInFlight(tx, view.channel.id))) {
        throw new Error('a status arrived before its message was recorded as sent; retrying');
      }
      outcome = unmatched === statuses.length ? 'stored' : 'applied';
    }
    await tx.update(webhookEvents).set({ processedAt: new Date(), outcome }).where(eq(webhookEvents.id, eventId));
    return outcome;
  });
}

async function interpret(
  deps: ChannelDeps,
  view: ChannelView,
  event: WhapiGateWebhook,
): Promise<{ outcome: string; observation: LinkObservation | null; lastMessageAt: Date | null }> {
  switch (event.kind) {
    case 'health':
      return { outcome: 'applied', observation: observeHealth(event.health), lastMessageAt: null };
    case 'user_linked':
    case 'user_unlinked': {
      // NOTES §10.16: the order of users.* and health events is not documented; WHAPI's health now is the truth.
      try {
        const health = await gateFor(deps, view.channel).health({ wakeup: false });
        return { outcome: 'applied', observation: observeHealth(health, { live: true }), lastMessageAt: null };
      } catch (error) {
        deps.log.warn({ err: error, channelId: view.channel.id }, 'could not confirm a link event with WHAPI; applying it as sent');
        const observation: LinkObservation =
          event.kind === 'user_linked' ? { kind: 'authorized', phone: event.user.phone } : { kind: 'unlinked' };
        return { outcome: 'applied', observation, lastMessageAt: null };
      }
    }
    case 'messages': {
      const times = event.messages.map((m) => m.timestamp.getTime()).filter(Number.isFinite);
      return { outcome: 'stored', observation: null, lastMessageAt: times.length ? new Date(Math.max(...times)) : null };
    }
    case 'statuses':
      return { outcome: 'stored', observation: null, lastMessageAt: null };
    default:
      return { outcome: 'ignored', observation: null, lastMessageAt: null };
  }
}
