import type { OperationIndex } from '../operation-index';

/** What a test's checking client keeps: every API exchange (control calls under /__sim/ are not the API), the
 *  problems the simulator's response checker found in them, and which operations they exercised. */
export interface LoggedExchange {
  method: string;
  path: string;
  status: number;
  contentType: string;
}
/** What a checking client returns for each call; each simulator's client adds the raw body its way. */
export interface ClientExchange extends LoggedExchange {
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the simulator returned
  body: any;
}
export type ResponseChecker = (
  request: { method: string; path: string },
  sample: { status: number; contentType: string; body: unknown },
) => string[];

export function createExchangeLog<E extends LoggedExchange>(index: Pick<OperationIndex, 'match'>, checkResponse: ResponseChecker) {
  const exchanges: E[] = [];
  const problems: string[] = [];
  return {
    exchanges,
    problems,
    /** `checkedBody` is the body as the simulator's checker wants it */
    record(exchange: E, checkedBody: unknown): void {
      if (exchange.path.startsWith('/__sim/')) return;
      const { method, path, status, contentType } = exchange;
      exchanges.push(exchange);
      const found = checkResponse({ method, path }, { status, contentType, body: checkedBody });
      problems.push(...found.map((problem) => `${method} ${path} → ${status}: ${problem}`));
    },
    /** operation keys (`PUT /channels`, `POST /v1/billing/subscriptions`) that answered with the given status class */
    operationsAnswered(statusClass: number): Set<string> {
      const keys = new Set<string>();
      for (const exchange of exchanges) {
        if (Math.floor(exchange.status / 100) !== statusClass) continue;
        const match = index.match(exchange.method, exchange.path.split('?')[0] ?? '');
        if (match.kind === 'found') keys.add(match.operation.key);
      }
      return keys;
    },
  };
}
