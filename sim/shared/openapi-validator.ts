import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OperationIndex } from './operation-index';

/** What both simulators validate with: the operation table of their official documents and one Ajv instance that
 *  compiles fragments of them on demand. Each simulator configures its own Ajv (the documents' dialects differ). */
export interface SchemaValidator<Api extends string = string> {
  index: OperationIndex<Api>;
  compile(schema: object): ValidateFunction;
}
/** A simulator's loaded documents (`specs`, keyed by API) with their validator. */
export interface SpecBundle<Specs, Api extends string> extends SchemaValidator<Api> {
  specs: Specs;
}

// ajv-formats is CommonJS; under ESM interop its callable sits on `default`.
export const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** Compiles each schema object once: fragments are compared by identity, so keep handing in the same objects. */
export function createSchemaCompiler(ajv: Ajv): (schema: object) => ValidateFunction {
  const cache = new WeakMap<object, ValidateFunction>();
  return (schema) => {
    let validate = cache.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      cache.set(schema, validate);
    }
    return validate;
  };
}

/** Parsing the documents and compiling their schemas is slow (the 370 kB WHAPI gate YAML above all), so every
 *  simulator in a process shares one load per spec folder; a failed load is forgotten so the next one retries. */
export function loadOncePerDir<T>(load: (specDir: string) => Promise<T>): (specDir: string) => Promise<T> {
  const loaded = new Map<string, Promise<T>>();
  return (specDir) => {
    let value = loaded.get(specDir);
    if (!value) {
      value = load(specDir);
      loaded.set(specDir, value);
      value.catch(() => loaded.delete(specDir));
    }
    return value;
  };
}

/** `body.to: must match pattern "…"` — one line per distinct problem, at most `maxProblems`, the way a message should read. */
export function describeSchemaErrors(where: string, errors: ErrorObject[] | null | undefined, maxProblems: number): string {
  const lines = (errors ?? []).map((error) => {
    const path = `${where}${error.instancePath.replace(/\//g, '.')}`;
    if (error.keyword === 'required') return `${path}.${String(error.params.missingProperty)} is required`;
    if (error.keyword === 'enum') return `${path} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    return `${path} ${error.message ?? 'is invalid'}`;
  });
  return [...new Set(lines)].slice(0, maxProblems).join('; ') || `${where} is invalid`;
}

export const isEmptyBody = (body: unknown): boolean => body === undefined || body === '' || (Buffer.isBuffer(body) && body.length === 0);

/** Checks a JSON body (parsed, or still text/bytes) against a schema; returns the problems, empty when it conforms. */
export function checkJsonBody(
  validator: Pick<SchemaValidator, 'compile'>,
  schema: object,
  sample: { contentType: string; body: unknown },
  report: { where: string; maxProblems: number },
): string[] {
  const { contentType, body } = sample;
  if (!contentType.startsWith('application/json')) return [`content type ${contentType || '(none)'} is not application/json`];
  let value = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      value = JSON.parse(body.toString());
    } catch {
      return ['body is not valid JSON'];
    }
  }
  const validate = validator.compile(schema);
  return validate(value) ? [] : [describeSchemaErrors(report.where, validate.errors, report.maxProblems)];
}
