import type { FastifyInstance } from 'fastify';
import { PayPalError } from './api-error';

/** JSON for the REST API, forms for the token endpoint and the approval page's buttons, raw bytes for anything else
 *  (the dispatcher answers 415 where an operation wants JSON). */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    const source = String(text);
    if (!source.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(source));
    } catch {
      done(new PayPalError(400, [{ location: 'body', issue: 'MALFORMED_REQUEST_JSON', description: 'The request JSON is not well formed.' }]), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, text, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(text))));
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}
