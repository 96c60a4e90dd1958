import { Ajv } from 'ajv';
import { addFormats, createSchemaCompiler, loadOncePerDir, type SpecBundle as SharedSpecBundle } from '../shared/openapi-validator';
import { createOperationIndex } from '../shared/operation-index';
import { loadPayPalSpecs, SPEC_IDS, type PayPalApi, type PayPalSpecs } from './spec-loader';

/** The loaded documents, the operation table and one Ajv instance that compiles fragments of them on demand. */
export interface SpecBundle extends SharedSpecBundle<PayPalSpecs, PayPalApi> {
  /** a schema of either document by name, e.g. schema('webhooks', 'event') */
  schema(api: keyof PayPalSpecs, name: string): object;
}

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
  const named = new Map<string, object>();
  return {
    specs,
    index: createOperationIndex<PayPalApi>([
      { api: 'billing', id: SPEC_IDS.billing, doc: specs.billing },
      { api: 'webhooks', id: SPEC_IDS.webhooks, doc: specs.webhooks },
    ]),
    compile: createSchemaCompiler(ajv),
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

export const loadSpecBundle: (specDir: string) => Promise<SpecBundle> = loadOncePerDir((specDir) => loadPayPalSpecs(specDir).then(createBundle));
