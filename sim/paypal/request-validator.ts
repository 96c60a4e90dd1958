import type { ErrorObject } from 'ajv';
import { PayPalError, type ErrorDetail, type ErrorLocation } from './api-error';
import { resolveRef, type OperationSpec, type ParameterSpec } from './operation-index';
import type { SpecBundle } from './spec-bundle';

/** Checks a request against its official operation (path and query parameters, JSON body) and answers like PayPal:
 *  400 INVALID_REQUEST with one `details[]` entry per bad field, `field` a JSON pointer (`/application_context/return_url`). */
export interface RequestInput {
  rawPathParams: Record<string, string>;
  rawQuery: Record<string, unknown>;
  /** parsed JSON, a Buffer for other content types, undefined when there was no body */
  body: unknown;
}
export interface ValidRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

// Descriptions are the spec's own strings for these issues (the operations' *-400 schemas pin them).
const ISSUES: Record<string, { issue: string; description: string }> = {
  required: { issue: 'MISSING_REQUIRED_PARAMETER', description: 'A required field is missing.' },
  maxLength: { issue: 'INVALID_STRING_MAX_LENGTH', description: 'The value of a field is too long.' },
  minLength: { issue: 'INVALID_STRING_MIN_LENGTH', description: 'The value of a field is too short.' },
  minimum: { issue: 'INVALID_INTEGER_MIN_VALUE', description: 'The integer value of a field is too small.' },
  maximum: { issue: 'INVALID_INTEGER_MAX_VALUE', description: 'The integer value of a field is too large.' },
  enum: { issue: 'INVALID_PARAMETER_VALUE', description: 'The value of a field is invalid.' },
  minItems: { issue: 'INVALID_PARAMETER_VALUE', description: 'The value of a field is invalid.' },
  maxItems: { issue: 'INVALID_PARAMETER_VALUE', description: 'The value of a field is invalid.' },
};
const SYNTAX = { issue: 'INVALID_PARAMETER_SYNTAX', description: 'The value of a field does not conform to the expected format.' };
// anyOf/allOf/if report again what their branches already reported.
const COMPOSITE = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'not']);

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
}

export function toErrorDetails(errors: ErrorObject[] | null | undefined, location: ErrorLocation, root: unknown): ErrorDetail[] {
  const details = new Map<string, ErrorDetail>();
  for (const error of errors ?? []) {
    if (COMPOSITE.has(error.keyword)) continue;
    const field = error.keyword === 'required' ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath || '/';
    const { issue, description } = ISSUES[error.keyword] ?? SYNTAX;
    const value = error.keyword === 'required' ? undefined : valueAt(root, error.instancePath);
    const shown = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    details.set(`${field} ${issue}`, { field, ...(shown !== undefined ? { value: shown } : {}), location, issue, description });
  }
  return [...details.values()];
}

type Location = 'path' | 'query';
const groupSchemas = new WeakMap<OperationSpec, Record<Location, object>>();

function schemaFor(operation: OperationSpec, location: Location): object {
  let groups = groupSchemas.get(operation);
  if (!groups) {
    const group = (where: Location) => {
      const params = operation.parameters.filter((p) => p.in === where);
      return {
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
        required: params.filter((p) => p.required).map((p) => p.name),
      };
    };
    groups = { path: group('path'), query: group('query') };
    groupSchemas.set(operation, groups);
  }
  return groups[location];
}

/** Query strings carry text; turn it into the declared type first. */
function coerce(bundle: SpecBundle, param: ParameterSpec, raw: unknown): unknown {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return value;
  const type = resolveRef(bundle.specs, param.schema).type;
  if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function check(bundle: SpecBundle, schema: object, value: unknown, location: ErrorLocation): void {
  const validate = bundle.compile(schema);
  if (!validate(value)) throw new PayPalError(400, toErrorDetails(validate.errors, location, value));
}

function decodePathParams(raw: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    throw new PayPalError(400, [{ location: 'path', issue: 'INVALID_PARAMETER_SYNTAX', description: 'The path contains an invalid percent-encoding.' }]);
  }
}

const requiresSomething = (bundle: SpecBundle, schema: object) => Array.isArray(resolveRef(bundle.specs, schema).required);

export function validateRequest(bundle: SpecBundle, operation: OperationSpec, input: RequestInput): ValidRequest {
  const params = decodePathParams(input.rawPathParams);
  check(bundle, schemaFor(operation, 'path'), params, 'path');

  const query: Record<string, unknown> = {};
  for (const param of operation.parameters.filter((p) => p.in === 'query')) {
    if (input.rawQuery[param.name] !== undefined) query[param.name] = coerce(bundle, param, input.rawQuery[param.name]);
  }
  check(bundle, schemaFor(operation, 'query'), query, 'query');

  let body = input.body;
  if (operation.jsonBodySchema) {
    if (Buffer.isBuffer(body)) {
      if (body.length > 0) throw new PayPalError(415, [{ location: 'body', issue: 'UNSUPPORTED_MEDIA_TYPE', description: 'Send the body as application/json.' }]);
      body = undefined;
    }
    if (body === undefined && requiresSomething(bundle, operation.jsonBodySchema)) {
      throw new PayPalError(400, [{ location: 'body', issue: 'MISSING_REQUEST_BODY', description: 'Request body is missing.' }]);
    }
    body ??= {};
    check(bundle, operation.jsonBodySchema, body, 'body');
  }
  return { params, query, body };
}
