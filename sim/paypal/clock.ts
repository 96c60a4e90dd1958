/** The simulator's clock: real time plus an offset that tests move forward (POST /__sim/clock), so token expiry and
 *  the times written into subscriptions can be exercised without waiting. */
export interface SimClock {
  now(): number;
  advance(ms: number): number;
  offsetMs(): number;
  reset(): void;
}

export const SECOND_MS = 1000;
export const DAY_MS = 24 * 60 * 60 * SECOND_MS;

export function createClock(): SimClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
      return Date.now() + offset;
    },
    offsetMs: () => offset,
    reset() {
      offset = 0;
    },
  };
}

/** PayPal writes resource times to the second (`2021-02-18T21:42:05Z`), as the spec's date_time pattern allows. */
export const isoSeconds = (ms: number): string => new Date(Math.floor(ms / SECOND_MS) * SECOND_MS).toISOString().replace('.000Z', 'Z');
/** Event envelopes carry milliseconds (`2021-02-18T21:49:07.585Z` in real deliveries). */
export const isoMillis = (ms: number): string => new Date(ms).toISOString();
