import { afterAll, beforeEach } from 'vitest';
import { resetPayPalTokenCache } from '../access-token';
import { createPayPalClient, type PayPalClient } from '../client';
import { resetPayPalCircuitBreakers } from '../http';
import type { PayPalClientOptions } from '../types';
import { CLIENT_ID, CLIENT_SECRET } from './paypal-samples';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

// Tests only: one scripted server per test file, fresh tokens, breakers and logs before every test, and clients
// with short delays so retries don't slow the suite down.

export interface Harness {
  server: ScriptedServer;
  logged: { obj: object; msg: string }[];
  client(extra?: Partial<PayPalClientOptions>): PayPalClient;
}

export async function paypalHarness(): Promise<Harness> {
  const server = await startScriptedServer();
  afterAll(() => server.close());
  const logged: { obj: object; msg: string }[] = [];
  const log = { warn: (obj: object, msg: string) => void logged.push({ obj, msg }) };

  beforeEach(() => {
    server.reset();
    resetPayPalTokenCache();
    resetPayPalCircuitBreakers();
    logged.length = 0;
  });

  return {
    server,
    logged,
    client: (extra = {}) =>
      createPayPalClient({
        baseUrl: server.url,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        log,
        timeoutMs: 2000,
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        ...extra,
      }),
  };
}
