import type { FastifyInstance } from 'fastify';
import { registerBodyParsers as registerSharedBodyParsers } from '../shared/sim-server';
import { PayPalError } from './api-error';

/** JSON for the REST API, forms for the token endpoint and the approval page's buttons, raw bytes for anything else
 *  (the dispatcher answers 415 where an operation wants JSON). */
export function registerBodyParsers(app: FastifyInstance): void {
  registerSharedBodyParsers(app, {
    malformedJson: () =>
      new PayPalError(400, [{ location: 'body', issue: 'MALFORMED_REQUEST_JSON', description: 'The request JSON is not well formed.' }]),
    forms: true,
  });
}
