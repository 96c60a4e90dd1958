/** A simulator's clock: real time plus an offset that tests move forward (POST /__sim/clock), so expiries and the
 *  times the simulator writes can be exercised without waiting. */
export interface SimClock {
  now(): number;
  advance(ms: number): number;
  offsetMs(): number;
  reset(): void;
}

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const DAY_MS = 24 * 60 * MINUTE_MS;

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
