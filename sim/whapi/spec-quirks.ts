import { isNode, type SchemaNode as Node, walk } from '../shared/spec-walk';

/** Repairs applied to the official OpenAPI documents before we validate against them (NOTES §11). Each one fixes
 *  a place where the letter of the spec rejects what WHAPI really sends or accepts. */

/** §11.1: `ResponseSuccess` requires a `result` property that real bodies (`{"success":true}`) never carry. */
export function dropBogusResultRequirement(doc: unknown): void {
  walk(doc, (node) => {
    const required = node.required;
    const properties = isNode(node.properties) ? node.properties : {};
    if (!Array.isArray(required) || !required.includes('result') || 'result' in properties) return;
    const kept = required.filter((name) => name !== 'result');
    if (kept.length) node.required = kept;
    else delete node.required;
  });
}

/** §11.2: the gate file's `oneOf`s list overlapping alternatives (four plain strings for `media`), so exactly-one
 *  can never hold; WHAPI accepts any of them. */
export function oneOfToAnyOf(doc: unknown): void {
  walk(doc, (node) => {
    if (!Array.isArray(node.oneOf)) return;
    node.anyOf = node.oneOf;
    delete node.oneOf;
  });
}

function schemaAt(doc: unknown, name: string): Node {
  const schemas = (doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas;
  const schema = schemas?.[name];
  if (!isNode(schema)) throw new Error(`gate spec has no components.schemas.${name}`);
  return schema;
}

function extendEnum(node: unknown, values: string[], where: string): void {
  if (!isNode(node) || !Array.isArray(node.enum)) throw new Error(`gate spec: ${where} is not an enum`);
  for (const value of values) if (!node.enum.includes(value)) node.enum.push(value);
}

/** §11.6: PATCH /settings reports `offline_mode` / `full_history` in `changes`, but the enum lacks them. */
export function allowAllSettingsChanges(gate: unknown): void {
  const changes = (schemaAt(gate, 'UpdateSettings').properties as Node | undefined)?.changes as Node | undefined;
  extendEnum(changes?.items, ['offline_mode', 'full_history'], 'UpdateSettings.changes.items');
}

/** §B1 / §10.7: the official skill documents a `STOP` health status (days ran out) that the spec's enum omits. */
export function allowStopHealthStatus(gate: unknown): void {
  extendEnum((schemaAt(gate, 'ChannelStatus').properties as Node | undefined)?.text, ['STOP'], 'ChannelStatus.text');
}

export { absolutiseRefs } from '../shared/spec-walk';
