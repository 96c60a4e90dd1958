import { SimHttpError } from './api-error';
import { resolveRef, type OperationSpec, type ParameterSpec } from './operation-index';
import { describeSchemaErrors, type SpecBundle } from './spec-bundle';

/** Checks a request against its official operation (path and query parameters, JSON body) the way WHAPI answers a
 *  malformed call: 400 `{error:{code,message}}` naming the offending field. */
export interface RequestInput {
  rawPathParams: Record<string, string>;
  rawQuery: Record<string, unknown>;
  /** parsed JSON, a Buffer for other content types, undefined when there was no body */
  body: unknown;
  contentType?: string;
}
export interface ValidRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
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

/** Query strings carry text; turn it into the declared type first. Booleans must be the words true/false
 *  (NOTES §0: a client sending 1/0 was rejected). */
function coerce(bundle: SpecBundle, param: ParameterSpec, raw: unknown): unknown {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return value;
  const type = resolveRef(bundle.specs, param.schema).type;
  if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function check(bundle: SpecBundle, schema: object, value: unknown, where: string): void {
  const validate = bundle.compile(schema);
  if (!validate(value)) throw new SimHttpError(400, describeSchemaErrors(where, validate.errors));
}

function decodePathParams(raw: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    throw new SimHttpError(400, 'path contains an invalid percent-encoding');
  }
}

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
      if (body.length > 0) {
        throw new SimHttpError(415, `Unsupported content type ${input.contentType ?? '(none)'}: the simulator accepts application/json bodies`);
      }
      body = undefined;
    }
    // NOTES §11.3: the partner file never marks bodies required, so a missing body must still meet `required`.
    body ??= {};
    check(bundle, operation.jsonBodySchema, body, 'body');
  }
  return { params, query, body };
}
