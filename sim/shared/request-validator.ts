import type { ErrorObject } from 'ajv';
import type { OperationSpec, ParameterSpec } from './operation-index';
import type { SchemaValidator } from './openapi-validator';

/** Checks a request against its official operation (path and query parameters, JSON body). What a bad request is
 *  answered with is each simulator's own (PayPal's `details[]`, WHAPI's `{error:{code,message}}`): it passes those
 *  errors in as a dialect. */
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
export type RequestLocation = 'path' | 'query' | 'body';

export interface RequestDialect {
  /** 400 for values that break the schema */
  invalid(errors: ErrorObject[] | null | undefined, location: RequestLocation, value: unknown): Error;
  /** 400 for a path whose percent-encoding cannot be decoded */
  badPercentEncoding(): Error;
  /** 415 for a non-empty body that is not JSON where the operation wants JSON */
  unsupportedBody(contentType: string | undefined): Error;
  /** When set, a missing body is refused outright if the body schema requires anything; otherwise it is checked as `{}`. */
  missingBody?(): Error;
}

type ParamLocation = 'path' | 'query';
const groupSchemas = new WeakMap<OperationSpec, Record<ParamLocation, object>>();

function schemaFor(operation: OperationSpec, location: ParamLocation): object {
  let groups = groupSchemas.get(operation);
  if (!groups) {
    const group = (where: ParamLocation) => {
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
 *  (WHAPI NOTES §0: a client sending 1/0 was rejected). */
function coerce(validator: SchemaValidator, param: ParameterSpec, raw: unknown): unknown {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return value;
  const type = validator.index.resolveRef(param.schema).type;
  if ((type === 'number' || type === 'integer') && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

export function validateRequest(validator: SchemaValidator, operation: OperationSpec, input: RequestInput, dialect: RequestDialect): ValidRequest {
  const check = (schema: object, value: unknown, location: RequestLocation) => {
    const validate = validator.compile(schema);
    if (!validate(value)) throw dialect.invalid(validate.errors, location, value);
  };

  let params: Record<string, string>;
  try {
    params = Object.fromEntries(Object.entries(input.rawPathParams).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    throw dialect.badPercentEncoding();
  }
  check(schemaFor(operation, 'path'), params, 'path');

  const query: Record<string, unknown> = {};
  for (const param of operation.parameters.filter((p) => p.in === 'query')) {
    if (input.rawQuery[param.name] !== undefined) query[param.name] = coerce(validator, param, input.rawQuery[param.name]);
  }
  check(schemaFor(operation, 'query'), query, 'query');

  let body = input.body;
  if (operation.jsonBodySchema) {
    if (Buffer.isBuffer(body)) {
      if (body.length > 0) throw dialect.unsupportedBody(input.contentType);
      body = undefined;
    }
    if (body === undefined && dialect.missingBody && Array.isArray(validator.index.resolveRef(operation.jsonBodySchema).required)) {
      throw dialect.missingBody();
    }
    // WHAPI NOTES §11.3: the partner file never marks bodies required, so a missing body must still meet `required`.
    body ??= {};
    check(operation.jsonBodySchema, body, 'body');
  }
  return { params, query, body };
}
