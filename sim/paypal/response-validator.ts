import { checkJsonBody, isEmptyBody } from '../shared/openapi-validator';
import type { OperationSpec } from '../shared/operation-index';
import type { SpecBundle } from './spec-bundle';

/** Checks that a response is what the official document promises for that operation and status, falling back to the
 *  operation's `default` (PayPal's error_default / error) for statuses it doesn't list. Returns the problems; empty
 *  means conforming. */
export interface ResponseSample {
  status: number;
  contentType?: string;
  /** parsed JSON, raw text/bytes, or undefined for no body */
  body: unknown;
}

/** PayPal lists every bad field (allErrors), so a report names up to five. */
export function checkJson(bundle: SpecBundle, schema: object, contentType: string, body: unknown, where = 'response'): string[] {
  return checkJsonBody(bundle, schema, { contentType, body }, { where, maxProblems: 5 });
}

export function checkResponse(bundle: SpecBundle, operation: OperationSpec, sample: ResponseSample): string[] {
  const { status, contentType = '', body } = sample;
  // 501 is the simulator saying "not simulated", outside any spec by design.
  if (status === 501) return [];
  const declared = operation.responses[String(status)] ?? (status >= 400 ? operation.responses.default : undefined);
  if (!declared) return [`status ${status} is not declared for ${operation.key}`];
  const types = Object.keys(declared.content);
  if (types.length === 0) return isEmptyBody(body) ? [] : [`status ${status} of ${operation.key} declares no body`];
  const jsonSchema = declared.content['application/json'];
  if (jsonSchema) return checkJson(bundle, jsonSchema, contentType, body);
  return types.some((t) => contentType.startsWith(t)) ? [] : [`content type ${contentType || '(none)'} is not one of ${types.join(', ')}`];
}

/** For tests and clients: find the operation for a method + path (query string allowed) and check the response.
 *  Paths outside both documents (the token endpoint, products, the approval page) are not checked. */
export function checkHttpResponse(bundle: SpecBundle, request: { method: string; path: string }, sample: ResponseSample): string[] {
  const match = bundle.index.match(request.method, request.path.split('?')[0] ?? '');
  return match.kind === 'found' ? checkResponse(bundle, match.operation, sample) : [];
}
