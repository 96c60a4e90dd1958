import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerBodyParsers } from '../shared/sim-server';
import { registerApiDispatcher } from './api-dispatcher';
import { errorBody, SimHttpError } from './api-error';
import { registerDebugRoutes } from './control-debug-routes';
import { registerControlRoutes } from './control-routes';
import { gateHistoryHandlers } from './gate-message-history';
import { gateMessageHandlers } from './gate-messages';
import { gateSessionHandlers } from './gate-session';
import { gateSettingsHandlers } from './gate-settings';
import { partnerLifecycleHandlers } from './partner-channel-lifecycle';
import { partnerChannelHandlers } from './partner-channels';
import { partnerProjectHandlers } from './partner-projects';
import type { SimContext } from './sim-context';

/** Every API operation the simulator implements; the rest of the official paths answer 501 "Not simulated". */
export const SIMULATED_HANDLERS = {
  ...partnerChannelHandlers,
  ...partnerLifecycleHandlers,
  ...partnerProjectHandlers,
  ...gateSessionHandlers,
  ...gateSettingsHandlers,
  ...gateMessageHandlers,
  ...gateHistoryHandlers,
};

// Base64 media travels inside JSON bodies; WhatsApp's own document limit is 100 MB.
const BODY_LIMIT = 100 * 1024 * 1024;

export function buildSimServer(sim: SimContext): FastifyInstance {
  // forceCloseConnections: close() must not wait for requests a `hang` fault keeps open.
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: BODY_LIMIT });

  // Other content types reach the dispatcher as bytes, which answers 415 where the operation wants JSON.
  registerBodyParsers(app, { malformedJson: () => new SimHttpError(400, 'Body is not valid JSON') });

  app.setErrorHandler((error: FastifyError | SimHttpError, _request, reply) => {
    const status = error instanceof SimHttpError ? error.status : (error.statusCode ?? 500);
    if (status >= 500) console.error('[whapi-sim]', error);
    return reply.code(status).send(errorBody(status, error.message));
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(404, `Unknown path: ${request.method} ${request.url}`)));

  registerControlRoutes(app, sim);
  registerDebugRoutes(app, sim);
  registerApiDispatcher(app, sim, SIMULATED_HANDLERS);
  return app;
}
