import {
  expectFailure,
  startScriptedServer as startServer,
  type Scripted,
  type ScriptedServer,
} from '../../test-support/scripted-server';
import { WhapiError } from '../errors';

// Tests only: the shared scripted server (../../test-support/scripted-server.ts), speaking WHAPI's errors, plus
// WHAPI samples.

export type { Scripted, ScriptedServer, SeenRequest } from '../../test-support/scripted-server';

export function startScriptedServer(): Promise<ScriptedServer> {
  return startServer({ unscriptedBody: (r) => ({ error: { code: 599, message: `unscripted ${r.method} ${r.path}` } }) });
}

/** WHAPI's error body (NOTES §8). */
export const whapiError = (status: number, message: string, headers?: Record<string, string>): Scripted => ({
  status,
  body: { error: { code: status, message } },
  ...(headers ? { headers } : {}),
});

/** Awaits a call that must fail with a WhapiError and returns it. */
export const failure = (promise: Promise<unknown>): Promise<WhapiError> => expectFailure(promise, WhapiError);

export const PARTNER_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.partner-secret-payload.signature-part-XYZ9';
export const CHANNEL_TOKEN = 'Q7fK2mZp9LrT4vWx8YbN3cHd6JsA1eGu';

/** A channel as the official sample shows it (times in milliseconds). */
export function wireChannelSample(overrides: Record<string, unknown> = {}) {
  return {
    id: 'MANTIS-PF298',
    token: CHANNEL_TOKEN,
    name: 'Shop front',
    projectId: 'AbCdEfGhIjKlMnOpQrSt',
    ownerId: 'AbCdEfGhIjKlMnOpQrStUvWxYz12',
    server: 6,
    apiUrl: 'https://gate.whapi.cloud/',
    creationTS: 1712598267389,
    activeTill: 1713116667389,
    trial: 1713030267389,
    stopped: false,
    status: 'active',
    mode: 'trial',
    ...overrides,
  };
}
