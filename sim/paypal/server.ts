import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerApiDispatcher } from './api-dispatcher';
import { errorBody, PayPalError } from './api-error';
import { registerApprovalPage } from './approval-page';
import { registerBodyParsers } from './body-parsers';
import { registerDebugRoutes } from './control-debug-routes';
import { registerControlRoutes } from './control-routes';
import { registerWebhookControlRoutes } from './control-webhook-routes';
import { registerFaultHook } from './fault-hook';
import { newDebugId } from './ids';
import { registerOAuthRoute } from './oauth-token';
import { planHandlers } from './plans';
import { registerProductRoutes } from './products';
import type { SimContext } from './sim-context';
import { subscriptionHandlers } from './subscriptions';
import { registerCertRoute, verificationHandlers } from './webhook-verification';
import { webhookHandlers } from './webhooks-api';

/** Every official operation the simulator implements; the other paths of the two documents answer 501. */
export const SIMULATED_HANDLERS = {
  ...planHandlers,
  ...subscriptionHandlers,
  ...webhookHandlers,
  ...verificationHandlers,
};

export function buildSimServer(sim: SimContext): FastifyInstance {
  // forceCloseConnections: close() must not wait for requests a `timeout` fault keeps open.
  const app = Fastify({ logger: false, forceCloseConnections: true });
  registerBodyParsers(app);

  app.setErrorHandler((error: FastifyError | PayPalError, _request, reply) => {
    const status = error instanceof PayPalError ? error.status : (error.statusCode ?? 500);
    if (status >= 500) console.error('[paypal-sim]', error);
    const debugId = newDebugId();
    const body = error instanceof PayPalError ? errorBody(status, error.details, { ...error.overrides, debugId }) : errorBody(status, [], { debugId });
    return reply.code(status).header('paypal-debug-id', debugId).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(404, [{ issue: 'INVALID_RESOURCE_ID', description: `No such path: ${request.method} ${request.url.split('?')[0]}` }])),
  );

  registerFaultHook(app, sim);
  registerControlRoutes(app, sim);
  registerWebhookControlRoutes(app, sim);
  registerDebugRoutes(app, sim);
  registerOAuthRoute(app, sim);
  registerProductRoutes(app, sim);
  registerCertRoute(app, sim);
  registerApprovalPage(app, sim);
  registerApiDispatcher(app, sim, SIMULATED_HANDLERS);
  return app;
}
