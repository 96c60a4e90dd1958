import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isoSeconds } from './clock';
import { newDebugId, newNonce } from './ids';
import type { SimContext } from './sim-context';

/** POST /v1/oauth2/token, outside both OpenAPI files. Answers in OAuth's own error shape, not PayPal's REST one
 *  (NOTES §1 "Token errors"). */
export const TOKEN_PATH = '/v1/oauth2/token';

// What a REST app with Subscriptions enabled gets; the webhook scopes cover management and verification.
const SCOPES = [
  'https://uri.paypal.com/services/invoicing',
  'https://uri.paypal.com/services/payments/payment',
  'https://uri.paypal.com/services/payments/refund',
  'https://uri.paypal.com/services/subscriptions',
  'https://uri.paypal.com/services/applications/webhooks',
  'https://uri.paypal.com/services/applications/verify-webhook-signature',
  'openid',
].join(' ');

export const oauthError = (error: string, description: string) => ({ error, error_description: description });
export const INVALID_CLIENT = oauthError('invalid_client', 'Client Authentication failed');

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = /^Basic\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!encoded) return undefined;
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { id: text.slice(0, colon), secret: text.slice(colon + 1) };
}

const isForm = (request: FastifyRequest) => (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

export function registerOAuthRoute(app: FastifyInstance, sim: SimContext): void {
  app.post(TOKEN_PATH, async (request, reply) => {
    reply.header('paypal-debug-id', newDebugId());
    const credentials = basicCredentials(request.headers.authorization);
    if (credentials?.id !== sim.identity.clientId || credentials.secret !== sim.identity.clientSecret) {
      return reply.code(401).send(INVALID_CLIENT);
    }
    // Only a form body counts: a JSON body leaves grant_type unset, as PayPal reads it.
    const grantType = isForm(request) ? (request.body as Record<string, string> | undefined)?.grant_type : undefined;
    if (!grantType) return reply.code(400).send(oauthError('unsupported_grant_type', 'Grant Type is NULL'));
    if (grantType !== 'client_credentials') return reply.code(400).send(oauthError('unsupported_grant_type', 'unsupported grant_type'));
    const now = sim.clock.now();
    return {
      scope: SCOPES,
      access_token: sim.tokens.mint(now, sim.identity.tokenTtlSeconds),
      token_type: 'Bearer',
      app_id: sim.identity.appId,
      expires_in: sim.identity.tokenTtlSeconds,
      nonce: newNonce(isoSeconds(now)),
    };
  });
}
