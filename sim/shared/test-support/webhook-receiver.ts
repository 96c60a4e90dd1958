import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that records every webhook a simulator posts to it, raw body included (PayPal signatures
 *  cover the exact bytes), and answers with the statuses a test queues (200 when none are queued). */
export interface ReceivedHook {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the simulator sent
  body: any;
  answeredWith: number;
}

export interface ReceiverOptions {
  /** how a hook is named when waitFor gives up */
  describe(hook: ReceivedHook): unknown;
  /** how long waitFor polls by default */
  waitTimeoutMs: number;
  /** the body of every answer (none when unset) */
  answerBody?: string;
}

export async function startWebhookReceiver(options: ReceiverOptions) {
  const received: ReceivedHook[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString();
      const answeredWith = statuses.shift() ?? 200;
      received.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        raw,
        body: raw ? JSON.parse(raw) : undefined,
        answeredWith,
      });
      response.writeHead(answeredWith).end(options.answerBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Polls until `predicate` holds for the received hooks (deliveries are asynchronous). */
  async function waitFor(predicate: (hooks: ReceivedHook[]) => boolean, timeoutMs = options.waitTimeoutMs): Promise<ReceivedHook[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > deadline) throw new Error(`webhooks never arrived; got ${JSON.stringify(received.map(options.describe))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return received;
  }

  return {
    url,
    received,
    waitFor,
    /** answer the next requests with these statuses, in order */
    answerWith: (...next: number[]) => void statuses.push(...next),
    clear: () => {
      received.splice(0);
      statuses.splice(0);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
