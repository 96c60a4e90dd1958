import type { ServerResponse } from 'node:http';

/** What every injected failure (POST /__sim/faults) has, whatever else a simulator lets it say: which requests it
 *  hits, and optionally only the next `times` of them. */
export interface FaultMatch {
  method?: string;
  /** ':name' matches one segment, a trailing '*' the rest */
  path: string;
  times?: number;
}
export type ActiveFault<Rule extends FaultMatch> = Rule & {
  id: number;
  /** matching requests still to affect; null = until cleared */
  remaining: number | null;
};
export interface FaultStore<Rule extends FaultMatch> {
  add(rule: Rule): ActiveFault<Rule>;
  list(): ActiveFault<Rule>[];
  clear(): void;
  /** the first rule matching this request, consuming one of its `times` */
  take(method: string, path: string): ActiveFault<Rule> | undefined;
  /** keeps a response that must never answer open until the faults are cleared or the simulator closes */
  hold(response: ServerResponse): void;
  releaseHeld(): void;
}

export function matchesPathPattern(pattern: string, path: string): boolean {
  const want = pattern.split('/').slice(1);
  const got = path.split('/').slice(1);
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] ?? '';
    if (segment === '*' && i === want.length - 1) return got.length >= want.length - 1;
    const part = got[i];
    if (part === undefined) return false;
    if (!segment.startsWith(':') && segment !== part) return false;
  }
  return want.length === got.length;
}

export function createFaultStore<Rule extends FaultMatch>(): FaultStore<Rule> {
  let rules: ActiveFault<Rule>[] = [];
  const held = new Set<ServerResponse>();
  let nextId = 1;
  return {
    add(rule) {
      const fault: ActiveFault<Rule> = { ...rule, id: nextId++, remaining: rule.times ?? null };
      rules.push(fault);
      return fault;
    },
    list: () => rules.map((rule) => ({ ...rule })),
    clear() {
      rules = [];
    },
    take(method, path) {
      const fault = rules.find(
        (rule) => (!rule.method || rule.method.toUpperCase() === method.toUpperCase()) && matchesPathPattern(rule.path, path),
      );
      if (!fault) return undefined;
      if (fault.remaining !== null && --fault.remaining <= 0) rules = rules.filter((rule) => rule !== fault);
      return fault;
    },
    hold(response) {
      held.add(response);
      response.on('close', () => held.delete(response));
    },
    releaseHeld() {
      for (const response of held) response.destroy();
      held.clear();
    },
  };
}
