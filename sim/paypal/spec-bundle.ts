import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { createOperationIndex, type OperationIndex } from './operation-index';
import { loadPayPalSpecs, SPEC_IDS, type PayPalSpecs } from './spec-loader';

/** The loaded documents, the operation table and one Ajv instance that compiles fragments of them on demand. */
export interface SpecBundle {
  specs: PayPalSpecs;
  index: OperationIndex;
  compile(schema: object): ValidateFunction;
  /** a schema of either document by name, e.g. schema('webhooks', 'event') */
  schema(api: keyof PayPalSpecs, name: string): object;
}

// ajv-formats is CommonJS; under ESM interop its callable sits on `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

// PayPal's private format names. Every one of them sits beside a `pattern` or length limits that say the same thing,
// except the currency code, whose only other rule is "3 characters".
const PAYPAL_FORMATS: Record<string, true | RegExp> = {
  ppaas_common_currency_code_v2: /^[A-Z]{3}$/,
  ppaas_date_time_v3: true,
  ppaas_common_percentage_v2: true,
  merchant_common_email_address_v2: true,
  ppaas_common_email_address_v2: true,
  ppaas_payer_id_v3: true,
  ppaas_date_notime_v2: true,
  ppaas_common_country_code_v2: true,
  ppaas_common_language_v3: true,
  payer_v1: true,
};

export function createBundle(specs: PayPalSpecs): SpecBundle {
  // OpenAPI 3.0 is "JSON Schema-ish": `readOnly`/`example`/`deprecated` must be tolerated (strict off) and the
  // documents themselves are not JSON Schemas, so we don't meta-validate them. The email pattern escapes `"` the way
  // only non-unicode regular expressions allow, hence unicodeRegExp off. allErrors: PayPal lists every bad field.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, coerceTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  for (const [name, format] of Object.entries(PAYPAL_FORMATS)) ajv.addFormat(name, format);
  ajv.addSchema(specs.billing, SPEC_IDS.billing);
  ajv.addSchema(specs.webhooks, SPEC_IDS.webhooks);
  const cache = new WeakMap<object, ValidateFunction>();
  const named = new Map<string, object>();
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
    schema(api, name) {
      const key = `${api}#${name}`;
      let ref = named.get(key);
      if (!ref) {
        ref = { $ref: `${SPEC_IDS[api]}#/components/schemas/${name}` };
        named.set(key, ref);
      }
      return ref;
    },
  };
}

// Every simulator in a process shares the parsed documents and compiled validators.
const bundles = new Map<string, Promise<SpecBundle>>();

export function loadSpecBundle(specDir: string): Promise<SpecBundle> {
  let bundle = bundles.get(specDir);
  if (!bundle) {
    bundle = loadPayPalSpecs(specDir).then(createBundle);
    bundles.set(specDir, bundle);
    bundle.catch(() => bundles.delete(specDir));
  }
  return bundle;
}
