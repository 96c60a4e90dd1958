import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that records every webhook the simulator posts to it, raw body included (signatures cover the
 *  exact bytes), and answers with the statuses a test queues (200 when none are queued). */
export interface ReceivedHook {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the simulator sent
  body: any;
  answeredWith: number;
}

export async function startWebhookReceiver() {
  const received: ReceivedHook[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString();
      const answeredWith = statuses.shift() ?? 200;
      received.push({ path: request.url ?? '', headers: request.headers, raw, body: raw ? JSON.parse(raw) : undefined, answeredWith });
      response.writeHead(answeredWith).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Polls until `predicate` holds (deliveries are asynchronous). */
  async function waitFor(predicate: (hooks: ReceivedHook[]) => boolean, timeoutMs = 5000): Promise<ReceivedHook[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > deadline) throw new Error(`webhooks never arrived; got ${JSON.stringify(received.map((h) => h.body?.event_type))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return received;
  }

  return {
    url,
    received,
    waitFor,
    /** event types received so far, in order */
    eventTypes: () => received.map((hook) => hook.body?.event_type as string),
    /** answer the next requests with these statuses, in order */
    answerWith: (...next: number[]) => void statuses.push(...next),
    clear: () => {
      received.splice(0);
      statuses.splice(0);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
