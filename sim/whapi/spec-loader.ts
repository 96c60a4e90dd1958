import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { OpenApiDoc } from '../shared/operation-index';
import {
  absolutiseRefs,
  allowAllSettingsChanges,
  allowStopHealthStatus,
  dropBogusResultRequirement,
  oneOfToAnyOf,
} from './spec-quirks';

export type WhapiApi = 'partner' | 'gate';
export type WhapiSpecs = Record<WhapiApi, OpenApiDoc>;

export const PARTNER_SPEC_ID = 'whapi-partner.json';
export const GATE_SPEC_ID = 'whapi-gate.json';

/**
 * Copies of the official OpenAPI files from ../shared/whapi, kept in the repository so that `npm run demo` works
 * from a bare clone; openapi-copies.test.ts fails if they ever differ from the shared originals.
 */
export const DEFAULT_SPEC_DIR = fileURLToPath(new URL('./openapi/', import.meta.url));

export async function loadWhapiSpecs(specDir: string): Promise<WhapiSpecs> {
  const dir = specDir.endsWith('/') ? specDir : `${specDir}/`;
  const partner = JSON.parse(await readFile(`${dir}partner-openapi.json`, 'utf8')) as OpenApiDoc;
  const gate = parseYaml(await readFile(`${dir}gate-openapi.yaml`, 'utf8')) as OpenApiDoc;
  dropBogusResultRequirement(partner);
  dropBogusResultRequirement(gate);
  oneOfToAnyOf(gate);
  allowAllSettingsChanges(gate);
  allowStopHealthStatus(gate);
  absolutiseRefs(partner, PARTNER_SPEC_ID);
  absolutiseRefs(gate, GATE_SPEC_ID);
  return { partner, gate };
}
