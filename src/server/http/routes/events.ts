import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import type { UserEvent } from '../../realtime/event-bus';
import { requireUser } from '../access-guard';
import type { App, AppDeps } from '../app-deps';

const PING_MS = 25_000;

/**
 * Server-Sent Events for the signed-in person, fed by PostgreSQL NOTIFY from any process. A ban ends the
 * stream right after telling the tab why (QUALITY P7: the tab signs out within a second).
 */
export function eventRoutes(app: App, { bus }: AppDeps): void {
  app.get(
    '/api/events',
    {
      config: { access: 'account' },
      schema: {
        tags: ['account'],
        description: 'text/event-stream of account.suspended, session.revoked, access.changed, notification.created and ping events',
        response: { 200: z.string(), 401: errorBody, 403: errorBody },
      },
    },
    (request, reply) => {
      const user = requireUser(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      write('ping', { at: new Date().toISOString() });

      const ping = setInterval(() => write('ping', { at: new Date().toISOString() }), PING_MS);
      const close = () => {
        clearInterval(ping);
        unsubscribe();
        res.end();
      };
      const unsubscribe = bus.subscribe(user.id, (event: UserEvent) => {
        write(event.type, event.data);
        if (event.type === 'account.suspended' || event.type === 'session.revoked') close();
      });
      request.raw.on('close', close);
    },
  );
}
