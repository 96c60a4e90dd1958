import type { OperationSpec } from './operation-index';
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

const isEmpty = (body: unknown) => body === undefined || body === '' || (Buffer.isBuffer(body) && body.length === 0);

export function describeProblems(where: string, errors: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[] | null | undefined): string {
  const lines = (errors ?? []).map((error) => {
    const path = `${where}${error.instancePath.replace(/\//g, '.')}`;
    if (error.keyword === 'required') return `${path}.${String(error.params.missingProperty)} is required`;
    if (error.keyword === 'enum') return `${path} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    return `${path} ${error.message ?? 'is invalid'}`;
  });
  return [...new Set(lines)].slice(0, 5).join('; ') || `${where} is invalid`;
}

export function checkJson(bundle: SpecBundle, schema: object, contentType: string, body: unknown, where = 'response'): string[] {
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
  return validate(value) ? [] : [describeProblems(where, validate.errors)];
}

export function checkResponse(bundle: SpecBundle, operation: OperationSpec, sample: ResponseSample): string[] {
  const { status, contentType = '', body } = sample;
  // 501 is the simulator saying "not simulated", outside any spec by design.
  if (status === 501) return [];
  const declared = operation.responses[String(status)] ?? (status >= 400 ? operation.responses.default : undefined);
  if (!declared) return [`status ${status} is not declared for ${operation.key}`];
  const types = Object.keys(declared.content);
  if (types.length === 0) return isEmpty(body) ? [] : [`status ${status} of ${operation.key} declares no body`];
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
