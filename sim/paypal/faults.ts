import type { ServerResponse } from 'node:http';

/** Injected failures (POST /__sim/faults): a PayPal error status, or a request that never answers, optionally only
 *  for the next `times` matching requests. */
export interface FaultRule {
  method?: string;
  /** '/v1/billing/subscriptions/:id/cancel'; ':name' matches one segment, a trailing '*' the rest */
  path: string;
  status?: number;
  /** overrides the error `name` (e.g. a 400 WEBHOOK_URL_ALREADY_EXISTS) */
  name?: string;
  /** puts one `details[]` entry with this issue in the body (e.g. 422 USER_ACCOUNT_CLOSED) */
  issue?: string;
  /** never answer: the connection stays open until the faults are cleared or the simulator closes */
  timeout?: boolean;
  times?: number;
}
export interface ActiveFault extends FaultRule {
  id: number;
  /** matching requests still to affect; null = until cleared */
  remaining: number | null;
}
export interface FaultStore {
  add(rule: FaultRule): ActiveFault;
  list(): ActiveFault[];
  clear(): void;
  /** the first rule matching this request, consuming one of its `times` */
  take(method: string, path: string): ActiveFault | undefined;
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

export function createFaultStore(): FaultStore {
  let rules: ActiveFault[] = [];
  const held = new Set<ServerResponse>();
  let nextId = 1;
  return {
    add(rule) {
      const fault: ActiveFault = { ...rule, id: nextId++, remaining: rule.times ?? null };
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
