import type { FastifyInstance } from 'fastify';
import { isDeepStrictEqual } from 'node:util';
import type { HandlerTable } from './api-dispatcher';
import { errorBody } from './api-error';
import { CERT_NAME, certUrl, type SimContext } from './sim-context';
import { AUTH_ALGO } from './webhook-signature';

/** POST /v1/notifications/verify-webhook-signature (NOTES §5.4) and the certificate URL of offline checks (§5.5). */
interface VerifyRequest {
  auth_algo: string;
  cert_url: string;
  transmission_id: string;
  transmission_sig: string;
  transmission_time: string;
  webhook_id: string;
  webhook_event: unknown;
}

/** SUCCESS needs all of it: our algorithm and certificate, a registered webhook, a transmission we really sent whose
 *  event is the one posted back, and a signature that verifies over that transmission's raw body. A bad signature is
 *  still HTTP 200 with FAILURE, as at PayPal. */
function isAuthentic(sim: SimContext, request: VerifyRequest): boolean {
  if (request.auth_algo !== AUTH_ALGO || request.cert_url !== certUrl(sim)) return false;
  if (!sim.state.webhooks.has(request.webhook_id)) return false;
  const sent = sim.delivery.findTransmission(request.transmission_id);
  if (!sent || !isDeepStrictEqual(JSON.parse(sent.body), request.webhook_event)) return false;
  const fields = { transmissionId: request.transmission_id, transmissionTime: request.transmission_time, webhookId: request.webhook_id, rawBody: sent.body };
  return sim.signer.verify(fields, request.transmission_sig);
}

export const verificationHandlers: HandlerTable = {
  'POST /v1/notifications/verify-webhook-signature': (sim, { body }) => ({
    body: { verification_status: isAuthentic(sim, body as VerifyRequest) ? 'SUCCESS' : 'FAILURE' },
  }),
};

/** PayPal serves an X.509 certificate here (CN messageverificationcerts…paypal.com); the simulator serves the PEM of
 *  its public key, which Node's crypto.verify accepts the same way. No auth, as at PayPal. */
export function registerCertRoute(app: FastifyInstance, sim: SimContext): void {
  app.get('/v1/notifications/certs/:name', async (request, reply) => {
    if ((request.params as { name: string }).name !== CERT_NAME) return reply.code(404).send(errorBody(404, [{ issue: 'INVALID_RESOURCE_ID', description: 'No such certificate.' }]));
    return reply.type('application/x-pem-file').send(sim.signer.publicKeyPem);
  });
}
