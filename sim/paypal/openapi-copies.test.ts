import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The simulator reads its own copies of the official files (so a bare clone can run the demo). They must stay the
// files the project was given: pinned by hash, and compared with ../shared/paypal wherever that folder exists.
const shared = fileURLToPath(new URL('../../../shared/paypal/', import.meta.url));
const copies = fileURLToPath(new URL('./openapi/', import.meta.url));
const OFFICIAL_SHA256: Record<string, string> = {
  'billing-subscriptions-openapi.json': '931e93d6ea0d833dd711d39c59a6a7b1af70c0808d3cf28f7ccfd458a8bdcbcf',
  'notifications-webhooks-openapi.json': '6201ca2feeca74d45064479aa483df60dd4bb3f19b3a3b106ae49d653932f3bf',
};

describe('the OpenAPI copies of the simulator', () => {
  it.each(Object.keys(OFFICIAL_SHA256))('%s is the official file, unchanged', (file) => {
    const copy = readFileSync(`${copies}${file}`);
    expect(createHash('sha256').update(copy).digest('hex')).toBe(OFFICIAL_SHA256[file]);
    if (existsSync(`${shared}${file}`)) expect(copy.equals(readFileSync(`${shared}${file}`))).toBe(true);
  });
});
