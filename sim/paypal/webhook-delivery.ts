import { isoSeconds } from './clock';
import { newTransmissionId } from './ids';
import { AUTH_ALGO, type WebhookSigner } from './webhook-signature';

/** Posts signed events to webhook URLs the way PayPal does (NOTES §5.3, §5.6): asynchronously, one transmission per
 *  webhook with the five PAYPAL-* headers, retried on a non-2xx answer or a network error. PayPal retries 25 times
 *  over 3 days; the simulator retries after each of `retryDelaysMs`. Deliveries to one URL go one at a time in order,
 *  so tests are deterministic; `duplicate` and hold/release reproduce PayPal's duplicates and reordering on demand. */
export interface DeliveryOptions {
  /** send every event twice (two transmissions, same event id) */
  duplicate: boolean;
  /** the wait before each retry; its length is the number of retries */
  retryDelaysMs: number[];
  /** per attempt */
  timeoutMs: number;
}
export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = { duplicate: false, retryDelaysMs: [100, 500, 2000], timeoutMs: 3000 };

export interface DeliveryAttempt {
  at: number;
  status?: number;
  error?: string;
}
export interface Delivery {
  seq: number;
  transmissionId: string;
  transmissionTime: string;
  webhookId: string;
  url: string;
  eventId: string;
  eventType: string;
  /** sent by POST /__sim/webhooks/forge: its signature was made with another key */
  forged: boolean;
  headers: Record<string, string>;
  /** the raw JSON exactly as sent; the signature's CRC covers these bytes */
  body: string;
  state: 'held' | 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
}
export interface WebhookTarget {
  id: string;
  url: string;
}
export interface WebhookDeliverer {
  send(target: WebhookTarget, event: { id: string; event_type: string }, options?: { forged?: boolean }): Delivery[];
  /** keep new transmissions until release() */
  hold(): void;
  release(order: 'original' | 'reverse'): number;
  isHolding(): boolean;
  options(): DeliveryOptions;
  configure(update: Partial<DeliveryOptions>): DeliveryOptions;
  deliveries(): Delivery[];
  findTransmission(transmissionId: string): Delivery | undefined;
  /** resolves once everything queued so far has been attempted for the last time */
  idle(): Promise<void>;
  clear(): void;
  close(): void;
}
export interface DeliveryDeps {
  now(): number;
  signer: WebhookSigner;
  certUrl(): string;
}

const LOG_LIMIT = 5000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export function createWebhookDeliverer(deps: DeliveryDeps): WebhookDeliverer {
  const log: Delivery[] = [];
  const byTransmission = new Map<string, Delivery>();
  const queues = new Map<string, Promise<void>>();
  let held: Delivery[] = [];
  let holding = false;
  let options = { ...DEFAULT_DELIVERY_OPTIONS };
  const closing = new AbortController();
  let seq = 0;

  async function attempt(entry: Delivery): Promise<boolean> {
    const record: DeliveryAttempt = { at: deps.now() };
    entry.attempts.push(record);
    try {
      const response = await fetch(entry.url, {
        method: 'POST',
        headers: entry.headers,
        body: entry.body,
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), closing.signal]),
      });
      record.status = response.status;
      await response.body?.cancel();
      return response.ok;
    } catch (error) {
      record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return false;
    }
  }

  async function deliver(entry: Delivery): Promise<void> {
    const delays = [...options.retryDelaysMs];
    for (;;) {
      if (closing.signal.aborted) return;
      if (await attempt(entry)) {
        entry.state = 'delivered';
        return;
      }
      const delay = delays.shift();
      if (delay === undefined) break;
      await sleep(delay, closing.signal);
    }
    entry.state = 'failed';
  }

  function enqueue(entry: Delivery): void {
    entry.state = 'pending';
    const next = (queues.get(entry.url) ?? Promise.resolve()).then(() => deliver(entry));
    queues.set(entry.url, next);
    void next.finally(() => {
      if (queues.get(entry.url) === next) queues.delete(entry.url);
    });
  }

  function transmit(target: WebhookTarget, event: { id: string; event_type: string }, forged: boolean): Delivery {
    const body = JSON.stringify(event);
    const transmissionId = newTransmissionId();
    const transmissionTime = isoSeconds(deps.now());
    const fields = { transmissionId, transmissionTime, webhookId: target.id, rawBody: body };
    const entry: Delivery = {
      seq: ++seq,
      transmissionId,
      transmissionTime,
      webhookId: target.id,
      url: target.url,
      eventId: event.id,
      eventType: event.event_type,
      forged,
      headers: {
        'Content-Type': 'application/json',
        'PAYPAL-TRANSMISSION-ID': transmissionId,
        'PAYPAL-TRANSMISSION-TIME': transmissionTime,
        'PAYPAL-TRANSMISSION-SIG': forged ? deps.signer.forge(fields) : deps.signer.sign(fields),
        'PAYPAL-CERT-URL': deps.certUrl(),
        'PAYPAL-AUTH-ALGO': AUTH_ALGO,
        // seen in real deliveries (NOTES §5.3)
        'PAYPAL-AUTH-VERSION': 'v2',
        'User-Agent': 'PayPal/AUHD-214.0-simulator',
      },
      body,
      state: 'held',
      attempts: [],
    };
    log.push(entry);
    byTransmission.set(transmissionId, entry);
    if (log.length > LOG_LIMIT) byTransmission.delete(log.shift()!.transmissionId);
    if (holding) held.push(entry);
    else enqueue(entry);
    return entry;
  }

  return {
    send(target, event, { forged = false } = {}) {
      if (closing.signal.aborted) return [];
      const copies = options.duplicate ? 2 : 1;
      return Array.from({ length: copies }, () => transmit(target, event, forged));
    },
    hold() {
      holding = true;
    },
    release(order) {
      const batch = order === 'reverse' ? [...held].reverse() : held;
      held = [];
      holding = false;
      batch.forEach(enqueue);
      return batch.length;
    },
    isHolding: () => holding,
    options: () => ({ ...options, retryDelaysMs: [...options.retryDelaysMs] }),
    configure(update) {
      options = { ...options, ...update };
      return { ...options };
    },
    deliveries: () => [...log],
    findTransmission: (transmissionId) => byTransmission.get(transmissionId),
    async idle() {
      while (queues.size) await Promise.all([...queues.values()]);
    },
    clear() {
      log.splice(0);
      byTransmission.clear();
      held = [];
      holding = false;
      options = { ...DEFAULT_DELIVERY_OPTIONS };
    },
    close: () => closing.abort(),
  };
}
