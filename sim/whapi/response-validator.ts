import type { OperationSpec } from './operation-index';
import { describeSchemaErrors, type SpecBundle } from './spec-bundle';

/** Checks that a response is what the official document promises for that operation and status. Statuses the
 *  documents never declare but WHAPI does send (a partner 401 for a bad token, the 429 on creation, the gate's
 *  404 "Channel not found") must still be a `ResponseError`. Returns the problems; empty means conforming. */
export interface ResponseSample {
  status: number;
  contentType?: string;
  /** parsed JSON, raw text/bytes, or undefined for no body */
  body: unknown;
}

const isEmpty = (body: unknown) =>
  body === undefined || body === '' || (Buffer.isBuffer(body) && body.length === 0);

export function checkResponse(bundle: SpecBundle, operation: OperationSpec | undefined, sample: ResponseSample): string[] {
  const { status, contentType = '', body } = sample;
  const declared = operation?.responses[String(status)] ?? operation?.responses.default;
  if (status === 204 || status === 304) return isEmpty(body) ? [] : [`${status} must have no body`];
  if (!declared) {
    if (status < 400) return [`status ${status} is not declared for ${operation?.key ?? 'an unknown path'}`];
    return checkJson(bundle, bundle.index.errorSchema, contentType, body);
  }
  const types = Object.keys(declared.content);
  if (types.length === 0) return isEmpty(body) ? [] : [`status ${status} of ${operation?.key} declares no body`];
  const jsonSchema = declared.content['application/json'];
  if (jsonSchema) return checkJson(bundle, jsonSchema, contentType, body);
  const type = types.find((t) => contentType.startsWith(t));
  return type ? [] : [`content type ${contentType || '(none)'} is not one of ${types.join(', ')}`];
}

function checkJson(bundle: SpecBundle, schema: object, contentType: string, body: unknown): string[] {
  if (!contentType.startsWith('application/json')) return [`content type ${contentType || '(none)'} is not application/json`];
  let value = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      value = JSON.parse(body.toString());
    } catch {
      return ['body is not valid JSON'];
    }
  }
  const validate = bundle.compile(schema);
  return validate(value) ? [] : [describeSchemaErrors('response', validate.errors)];
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
