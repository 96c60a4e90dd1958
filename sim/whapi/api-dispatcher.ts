import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, SimHttpError } from './api-error';
import { syncHealth } from './channel-health';
import type { OperationMatch, OperationSpec } from '../shared/operation-index';
import { validateRequest } from './request-validator';
import { checkResponse } from './response-validator';
import type { SimContext } from './sim-context';
import { findChannelByToken, type ChannelRecord } from './state';
import { countGateRequest } from './trial-limits';

/** One catch-all route serves both official APIs: the operation table built from the two documents decides what a
 *  path means, so routing, auth and validation can't drift from the specs. */
export interface ApiRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** the caller's channel on Gate operations */
  channel?: ChannelRecord;
}
export interface ApiResult {
  status?: number;
  body?: unknown;
  contentType?: string;
}
export type ApiHandler = (sim: SimContext, request: ApiRequest) => ApiResult | Promise<ApiResult>;
/** keyed like the operation: `PUT /channels`, `GET /users/login/{PhoneNumber}` */
export type HandlerTable = Record<string, ApiHandler>;

export function requireGateChannel(request: ApiRequest): ChannelRecord {
  if (!request.channel) throw new Error('gate handler called without a channel');
  return request.channel;
}

const bearer = (header: string | undefined): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

function authenticate(sim: SimContext, operation: OperationSpec, authorization: string | undefined): ChannelRecord | undefined {
  const token = bearer(authorization);
  if (operation.api === 'partner') {
    // The partner file declares no 401; WHAPI must refuse a bad token somehow and 401 is what clients expect.
    if (token !== sim.state.partner.token) throw new SimHttpError(401, 'Unauthorized: missing or invalid partner token');
    return undefined;
  }
  // Official skill: an unknown or invalid channel token gives 404 "Channel not found". `?token=` isn't honoured.
  const channel = token ? findChannelByToken(sim.state, token) : undefined;
  if (!channel) throw new SimHttpError(404, 'Channel not found');
  return channel;
}

async function handle(
  sim: SimContext,
  handlers: HandlerTable,
  request: FastifyRequest,
  path: string,
  match: OperationMatch,
): Promise<ApiResult> {
  if (match.kind === 'not-found') throw new SimHttpError(404, `Unknown path: ${request.method} ${path}`);
  if (match.kind === 'wrong-method') {
    throw new SimHttpError(404, `Unknown path: ${request.method} ${path} (allowed: ${match.allowed.join(', ')})`);
  }
  const { operation } = match;
  const channel = authenticate(sim, operation, request.headers.authorization);
  const valid = validateRequest(sim.bundle, operation, {
    rawPathParams: match.pathParams,
    rawQuery: request.query as Record<string, unknown>,
    body: request.body,
    contentType: request.headers['content-type'],
  });
  const handler = handlers[operation.key];
  if (!handler) throw new SimHttpError(501, `Not simulated: ${operation.key}`);
  if (channel) {
    countGateRequest(channel, sim.clock.now());
    syncHealth(sim, channel);
  }
  return handler(sim, { ...valid, channel });
}

export function registerApiDispatcher(app: FastifyInstance, sim: SimContext, handlers: HandlerTable): void {
  app.all('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.raw.url ?? '/').split('?')[0] ?? '/';
    const fault = sim.faults.take(request.method, path);
    if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
    if (fault?.hang) {
      reply.hijack();
      sim.faults.hold(reply.raw);
      return;
    }
    if (fault?.status) {
      return reply.code(fault.status).send(fault.body ?? errorBody(fault.status, `Simulated fault (${fault.status})`));
    }

    const match = sim.bundle.index.match(request.method, path);
    const operation = match.kind === 'found' ? match.operation : undefined;
    let status: number;
    let body: unknown;
    let contentType = 'application/json; charset=utf-8';
    try {
      const result = await handle(sim, handlers, request, path, match);
      status = result.status ?? 200;
      body = result.body;
      contentType = result.contentType ?? contentType;
    } catch (error) {
      if (!(error instanceof SimHttpError)) console.error('[whapi-sim] handler failed', error);
      status = error instanceof SimHttpError ? error.status : 500;
      body = errorBody(status, error instanceof Error ? error.message : String(error));
    }

    const problems = checkResponse(sim.bundle, operation, { status, contentType, body });
    if (problems.length) sim.recordViolation(`${request.method} ${path} → ${status}`, problems);
    reply.code(status);
    if (body === undefined) return reply.send();
    return reply.type(contentType).send(Buffer.isBuffer(body) ? body : JSON.stringify(body));
  });
}
