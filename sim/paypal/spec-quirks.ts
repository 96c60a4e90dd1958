import { isNode, type SchemaNode as Node } from '../shared/spec-walk';

/** Repairs applied to the official OpenAPI documents before we validate against them. Each one fixes a place where
 *  the letter of the spec rejects what PayPal really sends, or lets through what PayPal's rules (NOTES) forbid. */

function schemas(doc: unknown): Record<string, Node> {
  const found = (doc as { components?: { schemas?: Record<string, Node> } }).components?.schemas;
  if (!found) throw new Error('spec has no components.schemas');
  return found;
}

function property(doc: unknown, schema: string, name: string): Node {
  const owner = schemas(doc)[schema];
  const direct = isNode(owner?.properties) ? (owner.properties as Record<string, Node>)[name] : undefined;
  const viaAllOf = (owner?.allOf as Node[] | undefined)?.map((part) => (part.properties as Record<string, Node> | undefined)?.[name]).find(Boolean);
  const found = direct ?? viaAllOf;
  if (!found) throw new Error(`spec: ${schema}.${name} not found`);
  return found;
}

/** NOTES §3.3: custom_id is 1–127 *printable ASCII*, but the spec's pattern `^[\x20-\x7E]+` has no `$`, so only its
 *  first character is checked. Anchoring it is stricter than the letter of the spec, never looser than PayPal. */
export function anchorCustomIdPattern(billing: unknown): void {
  for (const schema of ['subscription_request_post', 'subscription']) {
    const customId = property(billing, schema, 'custom_id');
    if (customId.pattern === '^[\\x20-\\x7E]+') customId.pattern = '^[\\x20-\\x7E]+$';
  }
}

/** A base64 RSA signature starts with `+` or `/` one time in 32, which the verify request's
 *  `^(?!\d+$)\w+\S+` pattern for transmission_sig would reject though PayPal itself signed it. */
export function allowBase64Signatures(webhooks: unknown): void {
  const sig = property(webhooks, 'verify_webhook_signature', 'transmission_sig');
  sig.pattern = '^(?!\\d+$)[\\w+/]\\S+';
}

// The issues PayPal uses for any schema violation (NOTES §6.2, the create operations' lists, and
// MALFORMED_REQUEST_JSON for unparseable bodies).
const GENERIC_400_ISSUES = [
  'MALFORMED_REQUEST_JSON',
  'MISSING_REQUEST_BODY',
  'MISSING_REQUIRED_PARAMETER',
  'INVALID_PARAMETER_SYNTAX',
  'INVALID_PARAMETER_VALUE',
  'INVALID_STRING_MIN_LENGTH',
  'INVALID_STRING_MAX_LENGTH',
  'INVALID_INTEGER_MIN_VALUE',
  'INVALID_INTEGER_MAX_VALUE',
];

/** Each operation's 400 schema lists the `details[].issue` values it may carry, and some lists are too short to be
 *  true: cancel and suspend *require* `reason` yet list only INVALID_STRING_MAX_LENGTH, so a missing reason would
 *  have no legal issue. Every 400 list accepts the generic schema-violation issues. */
export function acceptGenericValidationIssues(billing: unknown): void {
  for (const [name, schema] of Object.entries(schemas(billing))) {
    if (!/(^|-)400$/.test(name)) continue;
    const items = ((schema.properties as Node | undefined)?.details as Node | undefined)?.items as Node | undefined;
    const anyOf = items?.anyOf as Node[] | undefined;
    if (!anyOf) continue;
    const known = new Set(anyOf.map((option) => ((option.properties as Node).issue as { enum: string[] }).enum[0]));
    for (const issue of GENERIC_400_ISSUES) {
      if (!known.has(issue)) anyOf.push({ title: issue, properties: { issue: { type: 'string', enum: [issue] } } });
    }
  }
}

/** PayPal answers 429 RATE_LIMIT_REACHED (NOTES §6.2, DOC-RL), but the billing file's `error_default` knows no 429,
 *  so a rate-limit reply could never conform. */
export function addRateLimitError(billing: unknown): void {
  const all = schemas(billing);
  all.error_429 = {
    type: 'object',
    title: 'Too Many Requests Error',
    properties: {
      name: { type: 'string', enum: ['RATE_LIMIT_REACHED'] },
      message: { type: 'string', enum: ['Too many requests. Blocked due to rate limiting.'] },
      details: { type: 'array', items: { $ref: '#/components/schemas/error_details' } },
      debug_id: { type: 'string' },
      links: { type: 'array', items: { $ref: '#/components/schemas/error_link_description' } },
    },
  };
  (all.error_default?.oneOf as Node[]).push({ $ref: '#/components/schemas/error_429' });
}

export { absolutiseRefs } from '../shared/spec-walk';
