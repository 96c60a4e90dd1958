/** Helpers for the repairs each simulator applies to its official OpenAPI documents (spec-quirks.ts). */
export type SchemaNode = Record<string, unknown>;

export const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null;

/** Visits every object of a document, depth first. */
export function walk(value: unknown, visit: (node: SchemaNode) => void): void {
  if (Array.isArray(value)) return value.forEach((item) => walk(item, visit));
  if (!isNode(value)) return;
  visit(value);
  for (const child of Object.values(value)) walk(child, visit);
}

/** Local `#/components/...` refs become absolute (`<id>#/components/...`) so any fragment compiles on its own. */
export function absolutiseRefs(doc: unknown, id: string): void {
  walk(doc, (node) => {
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) node.$ref = `${id}${node.$ref}`;
  });
}
