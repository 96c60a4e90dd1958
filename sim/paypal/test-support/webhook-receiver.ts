import { startWebhookReceiver as startReceiver } from '../../shared/test-support/webhook-receiver';

export type { ReceivedHook } from '../../shared/test-support/webhook-receiver';

/** The shared webhook receiver, reading PayPal's event envelopes. */
export async function startWebhookReceiver() {
  const receiver = await startReceiver({ describe: (hook) => hook.body?.event_type, waitTimeoutMs: 5000 });
  return {
    ...receiver,
    /** event types received so far, in order */
    eventTypes: () => receiver.received.map((hook) => hook.body?.event_type as string),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
