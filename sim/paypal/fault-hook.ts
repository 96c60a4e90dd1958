import type { FastifyInstance } from 'fastify';
import { errorBody } from './api-error';
import { newDebugId } from './ids';
import { INVALID_CLIENT, oauthError, TOKEN_PATH } from './oauth-token';
import type { SimContext } from './sim-context';
import { specIssueDescription } from './spec-issues';

/** Applies injected faults before routing, so they hit every path but the control API: the REST operations, the
 *  token endpoint (which fails in OAuth's shape) and the approval page. */
export function registerFaultHook(app: FastifyInstance, sim: SimContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = (request.raw.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/__sim')) return;
    const fault = sim.faults.take(request.method, path);
    if (!fault) return;
    if (fault.timeout) {
      reply.hijack();
      sim.faults.hold(reply.raw);
      return reply;
    }
    const status = fault.status ?? 500;
    const debugId = newDebugId();
    let body: unknown;
    if (path === TOKEN_PATH) body = status === 401 ? INVALID_CLIENT : oauthError(fault.name ?? 'server_error', `Simulated fault (${status})`);
    else {
      const description = fault.issue && (specIssueDescription(sim.bundle, request.method, path, status, fault.issue) ?? `Simulated fault: ${fault.issue}.`);
      body = errorBody(status, fault.issue ? [{ issue: fault.issue, description }] : [], { name: fault.name, debugId });
    }
    return reply.code(status).header('paypal-debug-id', debugId).type('application/json').send(body);
  });
}
