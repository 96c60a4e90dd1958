import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBundle, loadSpecBundle, type SpecBundle } from './spec-bundle';
import type { OpenApiDoc } from '../shared/operation-index';
import { DEFAULT_SPEC_DIR, SPEC_FILES, SPEC_IDS, type PayPalSpecs } from './spec-loader';
import { absolutiseRefs } from './spec-quirks';

// Each repair in spec-quirks.ts must be needed (the official text gets the case wrong) and must work.
function officialBundle(): SpecBundle {
  const read = (api: keyof PayPalSpecs) => {
    const doc = JSON.parse(readFileSync(`${DEFAULT_SPEC_DIR}${SPEC_FILES[api]}`, 'utf8')) as OpenApiDoc;
    absolutiseRefs(doc, SPEC_IDS[api]);
    return doc;
  };
  return createBundle({ billing: read('billing'), webhooks: read('webhooks') });
}

const official = officialBundle();
const repaired = await loadSpecBundle(DEFAULT_SPEC_DIR);
const valid = (bundle: SpecBundle, schema: object, value: unknown) => bundle.compile(schema)(value);
const responseSchema = (bundle: SpecBundle, key: string, status: string) => {
  const [method, path] = key.split(' ');
  const match = bundle.index.match(method!, path!);
  if (match.kind !== 'found') throw new Error(key);
  return match.operation.responses[status]?.content['application/json'] ?? {};
};

describe('repairs to the official documents', () => {
  it('custom_id must be printable ASCII throughout, not just its first character', () => {
    const request = (customId: string) => ({ plan_id: 'P-123', custom_id: customId });
    const schema = (bundle: SpecBundle) => bundle.schema('billing', 'subscription_request_post');
    expect(valid(official, schema(official), request('abc\u00e9'))).toBe(true);
    expect(valid(repaired, schema(repaired), request('abc\u00e9'))).toBe(false);
    expect(valid(repaired, schema(repaired), request('user-42 (team)'))).toBe(true);
  });

  it('a base64 signature may start with + or /', () => {
    const request = {
      auth_algo: 'SHA256withRSA',
      cert_url: 'https://api.paypal.com/v1/notifications/certs/CERT-1',
      transmission_id: '69cd13f0-d67a-11e5-baa3-778b53f4ae55',
      transmission_sig: '+mI95Jx3Y9nhR5SJWlHVIWpg4AgFk7n9==',
      transmission_time: '2016-02-18T20:01:35Z',
      webhook_id: '1JE4291016473214C',
      webhook_event: {},
    };
    expect(valid(official, official.schema('webhooks', 'verify_webhook_signature'), request)).toBe(false);
    expect(valid(repaired, repaired.schema('webhooks', 'verify_webhook_signature'), request)).toBe(true);
  });

  it('a cancel without its required reason has a legal 400 issue', () => {
    const body = { name: 'INVALID_REQUEST', message: 'Request is not well-formed, syntactically incorrect, or violates schema.', details: [{ field: '/reason', issue: 'MISSING_REQUIRED_PARAMETER' }] };
    const key = 'POST /v1/billing/subscriptions/{id}/cancel';
    expect(valid(official, responseSchema(official, key, '400'), body)).toBe(false);
    expect(valid(repaired, responseSchema(repaired, key, '400'), body)).toBe(true);
  });

  it('a 429 RATE_LIMIT_REACHED conforms to the default error response', () => {
    const body = { name: 'RATE_LIMIT_REACHED', message: 'Too many requests. Blocked due to rate limiting.', debug_id: 'abc', details: [] };
    const key = 'GET /v1/billing/subscriptions/{id}';
    expect(valid(official, responseSchema(official, key, 'default'), body)).toBe(false);
    expect(valid(repaired, responseSchema(repaired, key, 'default'), body)).toBe(true);
  });

  it('still rejects what PayPal would never send', () => {
    const schema = repaired.schema('billing', 'subscription');
    expect(valid(repaired, schema, { id: 'I-BW452GLLEP1G', status: 'ACTIVE' })).toBe(true);
    expect(valid(repaired, schema, { id: 'I-BW452GLLEP1G', status: 'PAUSED' })).toBe(false);
    expect(valid(repaired, schema, { id: 'I-BW452GLLEP1G', billing_info: { outstanding_balance: { currency_code: 'USD', value: '0.00' } } })).toBe(false);
    expect(valid(repaired, schema, { id: 'I-BW452GLLEP1G', start_time: '2024-01-01 10:00' })).toBe(false);
  });
});
