import { createHash, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { notFound } from '../../app-error';
import { channels, webhookEvents } from '../../db/schema/index';
import { parseWhapiWebhook, type WhapiGateWebhook } from '../../integrations/whapi/index';
import { loadWhapiSettings } from '../whapi/whapi-settings-row';
import type { ChannelDeps } from './channel-deps';
import { applyChannelEventJob } from './channel-jobs-refs';

/** `users.post`, `channel.post`, … : the type and method WHAPI gave the event. */
export function eventTypeOf(event: WhapiGateWebhook): string {
  switch (event.kind) {
    case 'health':
      return 'channel.post';
    case 'qr':
      return 'channel.patch';
    case 'user_linked':
      return 'users.post';
    case 'user_unlinked':
      return 'users.delete';
    case 'messages':
      return `messages.${event.method}`;
    case 'statuses':
      return `statuses.${event.method}`;
    default:
      return `${event.type}.${event.method}`;
  }
}

/** JSON with sorted keys, so the same event always hashes to the same key whatever order WHAPI wrote it in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * A channel's Gate webhook (DOMAIN.md "Channels"; ARCHITECTURE "Webhook in"): the secret in the path is the
 * proof (a wrong one, or a channel we never made, is a 404 that changes nothing — W1); the event is stored once
 * per dedupe key (W2) and applied by a job. WHAPI events carry no id: the key is a hash of the channel and the
 * body, so a redelivery is recognised.
 */
export async function receiveChannelWebhook(
  deps: ChannelDeps,
  input: { channelRef: string; secret: string; body: unknown },
): Promise<{ eventId: number | null }> {
  const settings = await loadWhapiSettings(deps.db, deps.box);
  if (!sameSecret(input.secret, deps.box.open(settings.webhookSecretSealed))) throw notFound('Webhook');
  const [channel] = await deps.db.select({ id: channels.id }).from(channels).where(eq(channels.channelRef, input.channelRef));
  if (!channel) throw notFound('Webhook');

  const parsed = parseWhapiWebhook(input.body);
  const eventType = parsed.ok ? eventTypeOf(parsed.event) : 'unreadable';
  const eventKey = createHash('sha256').update(`${input.channelRef}\n${canonical(input.body)}`).digest('hex');
  return deps.db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(webhookEvents)
      .values({
        source: 'whapi_channel',
        eventKey,
        eventType,
        subjectRef: input.channelRef,
        payload: (input.body ?? {}) as object,
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!stored) return { eventId: null };
    await deps.jobs?.enqueue(applyChannelEventJob, { eventId: stored.id }, { tx });
    return { eventId: stored.id };
  });
}
