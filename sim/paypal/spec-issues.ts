import type { SpecBundle } from './spec-bundle';

/** The billing spec lists, per operation and status, the `details[].issue` values with their exact descriptions.
 *  Injected faults use them, so a simulated `422 USER_ACCOUNT_CLOSED` reads exactly like PayPal's. */
type Node = Record<string, unknown>;

export function specIssueDescription(bundle: SpecBundle, method: string, path: string, status: number, issue: string): string | undefined {
  const match = bundle.index.match(method, path);
  if (match.kind !== 'found') return undefined;
  const schema = match.operation.responses[String(status)]?.content['application/json'];
  if (!schema) return undefined;
  const root = bundle.index.resolveRef(schema);
  const parts = ((root.allOf as unknown[] | undefined) ?? [root]).map((part) => bundle.index.resolveRef(part));
  for (const part of parts) {
    const options = (((part.properties as Node | undefined)?.details as Node | undefined)?.items as Node | undefined)?.anyOf as Node[] | undefined;
    const option = options?.find((candidate) => ((candidate.properties as Node).issue as { enum: string[] }).enum[0] === issue);
    const description = ((option?.properties as Node | undefined)?.description as { enum?: string[] } | undefined)?.enum?.[0];
    if (description) return description;
  }
  return undefined;
}
