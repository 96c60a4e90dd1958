import type { WebhookMode } from './state';

/** Sends webhooks the way WHAPI does in body/path/method mode (NOTES §7 "Delivery"), fire-and-forget: a slow or
 *  dead receiver only produces a log line, never an error in the simulator. Deliveries to one URL keep their order,
 *  so a receiver sees users.post before the channel.post(AUTH) that follows it. */
export interface WebhookTarget {
  url: string;
  mode?: WebhookMode;
  headers?: Record<string, string>;
}
export interface WebhookDelivery {
  seq: number;
  /** sim clock, ms */
  at: number;
  event: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  status?: number;
  error?: string;
}
export interface WebhookSender {
  send(target: WebhookTarget, type: string, method: string, body: unknown): void;
  deliveries(): WebhookDelivery[];
  clear(): void;
  /** resolves once everything queued so far has been attempted */
  idle(): Promise<void>;
  close(): void;
}

export const WEBHOOK_TIMEOUT_MS = 3000;
const LOG_LIMIT = 1000;

function requestFor(target: WebhookTarget, type: string, method: string): { url: string; method: string } {
  const base = target.url.replace(/\/+$/, '');
  // Doc examples: path mode turns message.post into <url>/message/post; method mode sends PATCH <url>/message.
  if (target.mode === 'path') return { url: `${base}/${type}/${method}`, method: 'POST' };
  if (target.mode === 'method') return { url: `${base}/${type}`, method: method.toUpperCase() };
  return { url: target.url, method: 'POST' };
}

export function createWebhookSender(now: () => number): WebhookSender {
  const log: WebhookDelivery[] = [];
  const queues = new Map<string, Promise<void>>();
  const closing = new AbortController();
  let seq = 0;

  async function deliver(entry: WebhookDelivery): Promise<void> {
    try {
      const response = await fetch(entry.url, {
        method: entry.method,
        headers: entry.headers,
        body: entry.method === 'GET' ? undefined : JSON.stringify(entry.body),
        signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), closing.signal]),
      });
      entry.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      entry.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }

  return {
    send(target, type, method, body) {
      if (closing.signal.aborted) return;
      const request = requestFor(target, type, method);
      const entry: WebhookDelivery = {
        seq: ++seq,
        at: now(),
        event: `${type}.${method}`,
        ...request,
        headers: { ...target.headers, 'content-type': 'application/json' },
        body,
      };
      log.push(entry);
      if (log.length > LOG_LIMIT) log.shift();
      const previous = queues.get(entry.url) ?? Promise.resolve();
      const next = previous.then(() => deliver(entry));
      queues.set(entry.url, next);
      void next.finally(() => {
        if (queues.get(entry.url) === next) queues.delete(entry.url);
      });
    },
    deliveries: () => [...log],
    clear: () => void log.splice(0),
    idle: async () => {
      await Promise.all([...queues.values()]);
    },
    close: () => closing.abort(),
  };
}
