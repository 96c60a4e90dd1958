import { GATE_SPEC_ID } from './spec-loader';
import type { SimContext } from './sim-context';
import type { ChannelRecord, GateWebhook } from './state';

const WEBHOOK_PAYLOAD_SCHEMA = { $ref: `${GATE_SPEC_ID}#/components/schemas/WebhookPayload` };

/** A webhook gets an event only if it lists it. A webhook saved without `events` gets the spec's default,
 *  the deprecated `message.put`, which the simulator never emits: the official skill says to always list events. */
function isSubscribed(webhook: GateWebhook, type: string, method: string): boolean {
  return (webhook.events ?? []).some((event) => event.type === type && (event.method ?? method) === method);
}

/** Emits a channel event in WHAPI's body envelope (NOTES §7): the payload key, `event: {type, event}` (real payloads
 *  say `event`, not the spec's `method`, §11.7) and `channel_id`. */
export function emitGateEvent(
  sim: SimContext,
  channel: ChannelRecord,
  type: string,
  method: string,
  payload: Record<string, unknown>,
): void {
  const body = { ...payload, event: { type, event: method }, channel_id: channel.id };
  const validate = sim.bundle.compile(WEBHOOK_PAYLOAD_SCHEMA);
  if (!validate(body)) sim.recordViolation(`webhook ${type}.${method}`, (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  for (const webhook of channel.settings.webhooks ?? []) {
    if (isSubscribed(webhook, type, method)) sim.webhooks.send(webhook, type, method, body);
  }
}
