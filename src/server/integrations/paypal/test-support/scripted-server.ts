import {
  expectFailure,
  startScriptedServer as startServer,
  type ScriptedServer,
} from '../../test-support/scripted-server';
import { PayPalError } from '../errors';

// Tests only: the shared scripted server (../../test-support/scripted-server.ts), speaking PayPal's errors.

export { delayed, type Scripted, type ScriptedServer, type SeenRequest } from '../../test-support/scripted-server';

export function startScriptedServer(): Promise<ScriptedServer> {
  return startServer({ unscriptedBody: (r) => ({ name: 'UNSCRIPTED', message: `unscripted ${r.method} ${r.path}` }) });
}

/** Awaits a call that must fail with a PayPalError and returns it. */
export const failure = (promise: Promise<unknown>): Promise<PayPalError> => expectFailure(promise, PayPalError);
