import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { OpenApiDoc } from '../shared/operation-index';
import { absolutiseRefs, acceptGenericValidationIssues, addRateLimitError, allowBase64Signatures, anchorCustomIdPattern } from './spec-quirks';

export type PayPalApi = 'billing' | 'webhooks';
export type PayPalSpecs = Record<PayPalApi, OpenApiDoc>;

export const SPEC_IDS: Record<PayPalApi, string> = {
  billing: 'paypal-billing-subscriptions.json',
  webhooks: 'paypal-notifications-webhooks.json',
};
export const SPEC_FILES: Record<PayPalApi, string> = {
  billing: 'billing-subscriptions-openapi.json',
  webhooks: 'notifications-webhooks-openapi.json',
};

/**
 * Copies of the official OpenAPI files from ../shared/paypal, kept in the repository so that the simulator runs from
 * a bare clone; openapi-copies.test.ts fails if they ever differ from the shared originals.
 */
export const DEFAULT_SPEC_DIR = fileURLToPath(new URL('./openapi/', import.meta.url));

export async function loadPayPalSpecs(specDir: string): Promise<PayPalSpecs> {
  const dir = specDir.endsWith('/') ? specDir : `${specDir}/`;
  const read = async (api: PayPalApi) => JSON.parse(await readFile(`${dir}${SPEC_FILES[api]}`, 'utf8')) as OpenApiDoc;
  const billing = await read('billing');
  const webhooks = await read('webhooks');
  anchorCustomIdPattern(billing);
  acceptGenericValidationIssues(billing);
  addRateLimitError(billing);
  allowBase64Signatures(webhooks);
  absolutiseRefs(billing, SPEC_IDS.billing);
  absolutiseRefs(webhooks, SPEC_IDS.webhooks);
  return { billing, webhooks };
}
