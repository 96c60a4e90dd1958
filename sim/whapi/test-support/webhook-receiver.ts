import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server that records every webhook the simulator posts to it. */
export interface ReceivedHook {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the simulator sent
  body: any;
}

export async function startWebhookReceiver() {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString();
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: text ? JSON.parse(text) : undefined });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Polls until `predicate` holds for the received hooks (webhooks are fire-and-forget). */
  async function waitFor(predicate: (hooks: ReceivedHook[]) => boolean, timeoutMs = 3000): Promise<ReceivedHook[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(received)) {
      if (Date.now() > deadline) throw new Error(`webhooks never arrived; got ${JSON.stringify(received.map((h) => h.body?.event ?? h.path))}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return received;
  }

  return {
    url,
    received,
    waitFor,
    /** `channel.post` etc. of the gate envelopes received so far, in order */
    events: () => received.map((h) => (h.body?.event ? `${h.body.event.type}.${h.body.event.event}` : `${h.method} ${h.path}`)),
    clear: () => void received.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
