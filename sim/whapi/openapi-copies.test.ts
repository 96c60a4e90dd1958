import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The simulator reads its own copies of the official files (so a bare clone can run the demo). They must stay the
// files the project was given: pinned by hash, and compared with ../shared/whapi wherever that folder exists.
const shared = fileURLToPath(new URL('../../../shared/whapi/', import.meta.url));
const copies = fileURLToPath(new URL('./openapi/', import.meta.url));
const OFFICIAL_SHA256: Record<string, string> = {
  'partner-openapi.json': 'c67628d546204efe10cacb58560ae907ec7e56530f7e04ec967bec2af19c3979',
  'gate-openapi.yaml': 'da2af529857bc5e91150140fd6983500e9a52f29a2e840cce90a43a1dd016452',
};

describe('the OpenAPI copies of the simulator', () => {
  it.each(Object.keys(OFFICIAL_SHA256))('%s is the official file, unchanged', (file) => {
    const copy = readFileSync(`${copies}${file}`);
    expect(createHash('sha256').update(copy).digest('hex')).toBe(OFFICIAL_SHA256[file]);
    if (existsSync(`${shared}${file}`)) expect(copy.equals(readFileSync(`${shared}${file}`))).toBe(true);
  });
});
