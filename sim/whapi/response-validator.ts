import { checkJsonBody, isEmptyBody } from '../shared/openapi-validator';
import { GATE_SPEC_ID } from './spec-loader';
import type { OperationSpec } from '../shared/operation-index';
import type { SpecBundle } from './spec-bundle';

/** Checks that a response is what the official document promises for that operation and status. Statuses the
 *  documents never declare but WHAPI does send (a partner 401 for a bad token, the 429 on creation, the gate's
 *  404 "Channel not found") must still be a `ResponseError`. Returns the problems; empty means conforming. */
export interface ResponseSample {
  status: number;
  contentType?: string;
  /** parsed JSON, raw text/bytes, or undefined for no body */
  body: unknown;
}

/** The generic error schema, used for statuses the spec doesn't declare (e.g. the partner 401/429). One object, so
 *  its compiled validator is cached. */
const ERROR_SCHEMA = { $ref: `${GATE_SPEC_ID}#/components/schemas/ResponseError` };

const checkJson = (bundle: SpecBundle, schema: object, contentType: string, body: unknown): string[] =>
  checkJsonBody(bundle, schema, { contentType, body }, { where: 'response', maxProblems: 3 });

export function checkResponse(bundle: SpecBundle, operation: OperationSpec | undefined, sample: ResponseSample): string[] {
  const { status, contentType = '', body } = sample;
  const declared = operation?.responses[String(status)] ?? operation?.responses.default;
  if (status === 204 || status === 304) return isEmptyBody(body) ? [] : [`${status} must have no body`];
  if (!declared) {
    if (status < 400) return [`status ${status} is not declared for ${operation?.key ?? 'an unknown path'}`];
    return checkJson(bundle, ERROR_SCHEMA, contentType, body);
  }
  const types = Object.keys(declared.content);
  if (types.length === 0) return isEmptyBody(body) ? [] : [`status ${status} of ${operation?.key} declares no body`];
  const jsonSchema = declared.content['application/json'];
  if (jsonSchema) return checkJson(bundle, jsonSchema, contentType, body);
  const type = types.find((t) => contentType.startsWith(t));
  return type ? [] : [`content type ${contentType || '(none)'} is not one of ${types.join(', ')}`];
}

/** For tests and clients: find the operation for a method + path (query string allowed) and check the response. */
export function checkHttpResponse(
  bundle: SpecBundle,
  request: { method: string; path: string },
  sample: ResponseSample,
): string[] {
  const match = bundle.index.match(request.method, request.path.split('?')[0] ?? '');
  return checkResponse(bundle, match.kind === 'found' ? match.operation : undefined, sample);
}
