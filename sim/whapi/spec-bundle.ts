import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { createOperationIndex, type OperationIndex } from './operation-index';
import { GATE_SPEC_ID, loadWhapiSpecs, PARTNER_SPEC_ID, type WhapiSpecs } from './spec-loader';

/** The loaded documents, the operation table and one Ajv instance that compiles fragments of them on demand. */
export interface SpecBundle {
  specs: WhapiSpecs;
  index: OperationIndex;
  compile(schema: object): ValidateFunction;
}

// ajv-formats is CommonJS; under ESM interop its callable sits on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

function createBundle(specs: WhapiSpecs): SpecBundle {
  // OpenAPI 3.0 is "JSON Schema-ish": `nullable` is understood by Ajv, `example`/`x-*` must be tolerated (strict
  // off), and the documents themselves are not JSON Schemas, so we don't meta-validate them.
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, coerceTypes: false });
  addFormats(ajv);
  ajv.addSchema(specs.partner, PARTNER_SPEC_ID);
  ajv.addSchema(specs.gate, GATE_SPEC_ID);
  const cache = new WeakMap<object, ValidateFunction>();
  return {
    specs,
    index: createOperationIndex(specs),
    compile(schema) {
      let validate = cache.get(schema);
      if (!validate) {
        validate = ajv.compile(schema);
        cache.set(schema, validate);
      }
      return validate;
    },
  };
}

// Loading the 370 kB gate YAML and compiling its Message schema is slow; every simulator in a process shares it.
const bundles = new Map<string, Promise<SpecBundle>>();

export function loadSpecBundle(specDir: string): Promise<SpecBundle> {
  let bundle = bundles.get(specDir);
  if (!bundle) {
    bundle = loadWhapiSpecs(specDir).then(createBundle);
    bundles.set(specDir, bundle);
    bundle.catch(() => bundles.delete(specDir));
  }
  return bundle;
}

/** `body.to: must match pattern "…"` — one line per distinct problem, the way a 400 message should read. */
export function describeSchemaErrors(where: string, errors: ErrorObject[] | null | undefined): string {
  const lines = (errors ?? []).map((error) => {
    const path = `${where}${error.instancePath.replace(/\//g, '.')}`;
    if (error.keyword === 'required') return `${path}.${String(error.params.missingProperty)} is required`;
    if (error.keyword === 'enum') return `${path} must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    return `${path} ${error.message ?? 'is invalid'}`;
  });
  return [...new Set(lines)].slice(0, 3).join('; ') || `${where} is invalid`;
}
