import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody, PayPalError } from './api-error';
import { newDebugId } from './ids';
import type { OperationMatch } from '../shared/operation-index';
import { validateRequest } from './request-validator';
import { checkResponse } from './response-validator';
import type { SimContext } from './sim-context';

/** One catch-all route serves both official documents: the operation table built from them decides what a path
 *  means, so routing and validation can't drift from the specs. Order: route → bearer token → parameters and body
 *  → handler; every answer is checked against the spec and mismatches are recorded as violations. */
export interface ApiRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** lower-case header names */
  headers: Record<string, string | undefined>;
}
export interface ApiResult {
  status?: number;
  body?: unknown;
}
export type ApiHandler = (sim: SimContext, request: ApiRequest) => ApiResult | Promise<ApiResult>;
/** keyed like the operation: `POST /v1/billing/subscriptions`, `GET /v1/billing/plans/{id}` */
export type HandlerTable = Record<string, ApiHandler>;

const bearer = (header: string | undefined): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

/** An expired or unknown token is refused everywhere (NOTES §1, §9); the spec's 401 lists carry no details. */
export function requireBearer(sim: SimContext, authorization: string | undefined): void {
  const token = bearer(authorization);
  if (!token || !sim.tokens.isValid(token, sim.clock.now())) throw new PayPalError(401);
}

const headerText = (request: FastifyRequest) =>
  Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));

async function handle(sim: SimContext, handlers: HandlerTable, request: FastifyRequest, path: string, match: OperationMatch): Promise<ApiResult> {
  if (match.kind === 'not-found') throw new PayPalError(404, [{ issue: 'INVALID_RESOURCE_ID', description: `No such path: ${path}` }]);
  if (match.kind === 'wrong-method') {
    throw new PayPalError(405, [{ issue: 'METHOD_NOT_SUPPORTED', description: `Allowed: ${match.allowed.join(', ')}` }]);
  }
  const { operation } = match;
  requireBearer(sim, request.headers.authorization);
  const valid = validateRequest(sim.bundle, operation, {
    rawPathParams: match.pathParams,
    rawQuery: request.query as Record<string, unknown>,
    body: request.body,
  });
  const handler = handlers[operation.key];
  if (!handler) throw new PayPalError(501, [{ issue: 'NOT_SIMULATED', description: `Not simulated: ${operation.key}` }]);
  return handler(sim, { ...valid, headers: headerText(request) });
}

export function registerApiDispatcher(app: FastifyInstance, sim: SimContext, handlers: HandlerTable): void {
  app.all('/v1/*', async (request, reply) => {
    const path = (request.raw.url ?? '/').split('?')[0] ?? '/';
    const debugId = newDebugId();
    const match = sim.bundle.index.match(request.method, path);
    let status: number;
    let body: unknown;
    try {
      const result = await handle(sim, handlers, request, path, match);
      status = result.status ?? 200;
      body = result.body;
    } catch (error) {
      if (!(error instanceof PayPalError)) console.error('[paypal-sim] handler failed', error);
      status = error instanceof PayPalError ? error.status : 500;
      body = errorBody(status, error instanceof PayPalError ? error.details : [], { ...(error instanceof PayPalError ? error.overrides : {}), debugId });
    }

    if (match.kind === 'found') {
      const problems = checkResponse(sim.bundle, match.operation, { status, contentType: 'application/json', body });
      if (problems.length) sim.recordViolation(`${request.method} ${path} → ${status}`, problems);
    }
    reply.code(status).header('paypal-debug-id', debugId);
    if (body === undefined) return reply.send();
    return reply.type('application/json').send(JSON.stringify(body));
  });
}
