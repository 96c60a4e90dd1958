import { Ajv, type ErrorObject } from 'ajv';
import {
  addFormats,
  createSchemaCompiler,
  describeSchemaErrors as describe,
  loadOncePerDir,
  type SpecBundle as SharedSpecBundle,
} from '../shared/openapi-validator';
import { createOperationIndex } from '../shared/operation-index';
import { GATE_SPEC_ID, loadWhapiSpecs, PARTNER_SPEC_ID, type WhapiApi, type WhapiSpecs } from './spec-loader';

/** The loaded documents, the operation table and one Ajv instance that compiles fragments of them on demand. */
export type SpecBundle = SharedSpecBundle<WhapiSpecs, WhapiApi>;

function createBundle(specs: WhapiSpecs): SpecBundle {
  // OpenAPI 3.0 is "JSON Schema-ish": `nullable` is understood by Ajv, `example`/`x-*` must be tolerated (strict
  // off), and the documents themselves are not JSON Schemas, so we don't meta-validate them.
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, coerceTypes: false });
  addFormats(ajv);
  ajv.addSchema(specs.partner, PARTNER_SPEC_ID);
  ajv.addSchema(specs.gate, GATE_SPEC_ID);
  return {
    specs,
    index: createOperationIndex<WhapiApi>([
      { api: 'partner', id: PARTNER_SPEC_ID, doc: specs.partner },
      { api: 'gate', id: GATE_SPEC_ID, doc: specs.gate },
    ]),
    compile: createSchemaCompiler(ajv),
  };
}

export const loadSpecBundle: (specDir: string) => Promise<SpecBundle> = loadOncePerDir((specDir) => loadWhapiSpecs(specDir).then(createBundle));

/** WHAPI's 400 messages name at most three problems. */
export const describeSchemaErrors = (where: string, errors: ErrorObject[] | null | undefined): string => describe(where, errors, 3);
