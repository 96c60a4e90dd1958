import { SECOND_MS } from '../shared/sim-clock';

// The clock itself is shared with the PayPal simulator; here, only WHAPI's time units. Moving it forward
// (POST /__sim/clock) exercises expiry, trial windows and QR rotation without waiting.
export { createClock, DAY_MS, MINUTE_MS, SECOND_MS, type SimClock } from '../shared/sim-clock';

/** Gate times are whole seconds (NOTES §0 "Time units"); Partner times stay in milliseconds. */
export const toUnixSeconds = (ms: number): number => Math.floor(ms / SECOND_MS);
