import { SPEC_IDS, type PayPalApi, type PayPalSpecs } from './spec-loader';

/** One operation of either official document, with its $refs resolved down to the schemas we validate. */
export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: object;
}
export interface ResponseSpec {
  /** content type → schema (undefined when the content has none) */
  content: Record<string, object | undefined>;
}
export interface OperationSpec {
  api: PayPalApi;
  method: string;
  path: string;
  /** `POST /v1/billing/subscriptions`: the key handlers register under */
  key: string;
  parameters: ParameterSpec[];
  jsonBodySchema?: object;
  responses: Record<string, ResponseSpec>;
}
export type OperationMatch =
  | { kind: 'found'; operation: OperationSpec; pathParams: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
type Node = Record<string, unknown>;

/** Follows `<doc id>#/a/b` refs until a node that is not a ref. */
export function resolveRef(specs: PayPalSpecs, value: unknown): Node {
  let node = value as Node;
  for (let hops = 0; typeof node?.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`ref loop at ${String(node.$ref)}`);
    const [docId, pointer = ''] = (node.$ref as string).split('#');
    const doc = docId === SPEC_IDS.webhooks ? specs.webhooks : specs.billing;
    node = pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((at, part) => (at as Node)[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Node;
  }
  return node;
}

function buildOperations(specs: PayPalSpecs, api: PayPalApi): OperationSpec[] {
  const deref = (value: unknown) => resolveRef(specs, value);
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries(specs[api].paths)) {
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const parameters = [...shared, ...((op.parameters as unknown[] | undefined) ?? [])].map((raw) => {
        const p = deref(raw);
        return {
          name: String(p.name),
          in: p.in as ParameterSpec['in'],
          required: p.required === true || p.in === 'path',
          schema: (p.schema as object | undefined) ?? {},
        };
      });
      const body = op.requestBody ? deref(op.requestBody) : undefined;
      const bodyContent = (body?.content as Record<string, Node> | undefined) ?? {};
      const responses: Record<string, ResponseSpec> = {};
      for (const [status, raw] of Object.entries((op.responses as Node | undefined) ?? {})) {
        const content = (deref(raw).content as Record<string, Node> | undefined) ?? {};
        responses[status] = {
          content: Object.fromEntries(Object.entries(content).map(([type, media]) => [type, media.schema as object | undefined])),
        };
      }
      operations.push({
        api,
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters,
        jsonBodySchema: bodyContent['application/json']?.schema as object | undefined,
        responses,
      });
    }
  }
  return operations;
}

interface Template {
  segments: string[];
  literals: number;
  operations: Map<string, OperationSpec>;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

export interface OperationIndex {
  operations: OperationSpec[];
  match(method: string, path: string): OperationMatch;
}

export function createOperationIndex(specs: PayPalSpecs): OperationIndex {
  const operations = [...buildOperations(specs, 'billing'), ...buildOperations(specs, 'webhooks')];
  const templates = new Map<string, Template>();
  for (const operation of operations) {
    const segments = operation.path.split('/').slice(1);
    const template = templates.get(operation.path) ?? { segments, literals: segments.filter((s) => !isParam(s)).length, operations: new Map() };
    template.operations.set(operation.method, operation);
    templates.set(operation.path, template);
  }
  // The most literal template wins: /v1/billing/plans/{id}/activate beats a bare {id}.
  const ordered = [...templates.values()].sort((a, b) => b.literals - a.literals);

  function match(method: string, path: string): OperationMatch {
    const parts = path.split('/').slice(1);
    for (const template of ordered) {
      if (template.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const fits = template.segments.every((segment, i) => {
        const part = parts[i] ?? '';
        if (!isParam(segment)) return segment === part;
        if (!part) return false;
        params[segment.slice(1, -1)] = part;
        return true;
      });
      if (!fits) continue;
      const operation = template.operations.get(method.toUpperCase());
      if (!operation) return { kind: 'wrong-method', allowed: [...template.operations.keys()] };
      return { kind: 'found', operation, pathParams: params };
    }
    return { kind: 'not-found' };
  }

  return { operations, match };
}
