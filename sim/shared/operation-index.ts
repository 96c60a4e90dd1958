import type { SchemaNode } from './spec-walk';

/** The operations of a simulator's official OpenAPI documents, with their $refs resolved down to the schemas we
 *  validate, and the lookup from a request's method and path to its operation. */
export type OpenApiDoc = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

/** One official document: the API it describes and the id its absolutised refs (`<id>#/components/…`) carry. */
export interface SpecDocument<Api extends string> {
  api: Api;
  id: string;
  doc: OpenApiDoc;
}
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
export interface OperationSpec<Api extends string = string> {
  api: Api;
  method: string;
  path: string;
  /** `PUT /channels`, `POST /v1/billing/subscriptions`: the key handlers register under */
  key: string;
  parameters: ParameterSpec[];
  jsonBodySchema?: object;
  responses: Record<string, ResponseSpec>;
}
export type OperationMatch<Api extends string = string> =
  | { kind: 'found'; operation: OperationSpec<Api>; pathParams: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'not-found' };

export interface OperationIndex<Api extends string = string> {
  operations: OperationSpec<Api>[];
  match(method: string, path: string): OperationMatch<Api>;
  /** Follows `<doc id>#/a/b` refs until a node that is not a ref. */
  resolveRef(value: unknown): SchemaNode;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** A ref naming no known document points into the first one. */
function refResolver(documents: readonly SpecDocument<string>[]): (value: unknown) => SchemaNode {
  return (value) => {
    let node = value as SchemaNode;
    for (let hops = 0; typeof node?.$ref === 'string'; hops++) {
      if (hops > 20) throw new Error(`ref loop at ${String(node.$ref)}`);
      const [docId, pointer = ''] = (node.$ref as string).split('#');
      const doc = (documents.find((d) => d.id === docId) ?? documents[0])?.doc;
      node = pointer
        .split('/')
        .slice(1)
        .reduce<unknown>((at, part) => (at as SchemaNode)[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as SchemaNode;
    }
    return node;
  };
}

function buildOperations<Api extends string>(document: SpecDocument<Api>, deref: (value: unknown) => SchemaNode): OperationSpec<Api>[] {
  const operations: OperationSpec<Api>[] = [];
  for (const [path, item] of Object.entries(document.doc.paths)) {
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of METHODS) {
      const op = item[method] as SchemaNode | undefined;
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
      const bodyContent = (body?.content as Record<string, SchemaNode> | undefined) ?? {};
      const responses: Record<string, ResponseSpec> = {};
      for (const [status, raw] of Object.entries((op.responses as SchemaNode | undefined) ?? {})) {
        const content = (deref(raw).content as Record<string, SchemaNode> | undefined) ?? {};
        responses[status] = {
          content: Object.fromEntries(Object.entries(content).map(([type, media]) => [type, media.schema as object | undefined])),
        };
      }
      operations.push({
        api: document.api,
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

interface Template<Api extends string> {
  segments: string[];
  literals: number;
  operations: Map<string, OperationSpec<Api>>;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

export function createOperationIndex<Api extends string>(documents: readonly SpecDocument<Api>[]): OperationIndex<Api> {
  const resolveRef = refResolver(documents);
  const operations = documents.flatMap((document) => buildOperations(document, resolveRef));
  const templates = new Map<string, Template<Api>>();
  for (const operation of operations) {
    const segments = operation.path.split('/').slice(1);
    const template = templates.get(operation.path) ?? {
      segments,
      literals: segments.filter((s) => !isParam(s)).length,
      operations: new Map(),
    };
    template.operations.set(operation.method, operation);
    templates.set(operation.path, template);
  }
  // The most literal template wins: /users/login/image beats /users/login/{PhoneNumber}, and
  // /v1/billing/plans/{id}/activate beats a bare {id}.
  const ordered = [...templates.values()].sort((a, b) => b.literals - a.literals);

  function match(method: string, path: string): OperationMatch<Api> {
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

  return { operations, match, resolveRef };
}
