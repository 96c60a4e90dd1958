import { startWebhookReceiver as startReceiver } from '../../shared/test-support/webhook-receiver';

export type { ReceivedHook } from '../../shared/test-support/webhook-receiver';

/** The shared webhook receiver, reading WHAPI's envelopes; it answers 200 "ok" (webhooks are fire-and-forget). */
export async function startWebhookReceiver() {
  const receiver = await startReceiver({ describe: (hook) => hook.body?.event ?? hook.path, waitTimeoutMs: 3000, answerBody: 'ok' });
  return {
    ...receiver,
    /** `channel.post` etc. of the gate envelopes received so far, in order */
    events: () => receiver.received.map((h) => (h.body?.event ? `${h.body.event.type}.${h.body.event.event}` : `${h.method} ${h.path}`)),
  };
}
