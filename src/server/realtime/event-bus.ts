import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { RealtimeEvent } from '../../contracts/auth';
import type { DbOrTx } from '../db/connect';

const CHANNEL = 'app_events';

export interface UserEvent {
  userId: string;
  type: RealtimeEvent;
  data: Record<string, unknown>;
}

type Listener = (event: UserEvent) => void;

/**
 * Publishes inside the caller's transaction: PostgreSQL delivers a NOTIFY only when the transaction commits,
 * so an event never announces a change that was rolled back — and it reaches every process (ARCHITECTURE.md).
 */
export async function publishUserEvent(tx: DbOrTx, event: UserEvent): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(event)})`);
}

export interface EventBus {
  subscribe(userId: string, listener: Listener): () => void;
  close(): Promise<void>;
}

/** One LISTEN connection per process, fanned out to the local subscribers of each user. */
export async function startEventBus(url: string, log: { warn(obj: object, msg: string): void }): Promise<EventBus> {
  const listeners = new Map<string, Set<Listener>>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryDelay = 250;

  const dispatch = (payload: string | undefined) => {
    if (!payload) return;
    let event: UserEvent;
    try {
      event = JSON.parse(payload) as UserEvent;
    } catch {
      return;
    }
    for (const listener of listeners.get(event.userId) ?? []) listener(event);
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => dispatch(message.payload));
    next.on('error', (error) => {
      log.warn({ err: error }, 'event bus connection lost; reconnecting');
      next.end().catch(() => undefined);
      if (client === next) client = null;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${CHANNEL}`);
    client = next;
    retryDelay = 250;
  };

  const scheduleReconnect = () => {
    if (closed) return;
    const delay = retryDelay;
    retryDelay = Math.min(retryDelay * 2, 10_000);
    setTimeout(() => {
      if (!closed && !client) connect().catch(scheduleReconnect);
    }, delay).unref();
  };

  await connect();
  return {
    subscribe(userId, listener) {
      let set = listeners.get(userId);
      if (!set) listeners.set(userId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(userId);
      };
    },
    async close() {
      closed = true;
      listeners.clear();
      await client?.end().catch(() => undefined);
    },
  };
}
