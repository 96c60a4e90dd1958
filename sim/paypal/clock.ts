import { SECOND_MS } from '../shared/sim-clock';

// The clock itself is shared with the WHAPI simulator; here, only PayPal's way of writing times. Moving it forward
// (POST /__sim/clock) exercises token expiry and the times written into subscriptions without waiting.
export { createClock, DAY_MS, SECOND_MS, type SimClock } from '../shared/sim-clock';

/** PayPal writes resource times to the second (`2021-02-18T21:42:05Z`), as the spec's date_time pattern allows. */
export const isoSeconds = (ms: number): string => new Date(Math.floor(ms / SECOND_MS) * SECOND_MS).toISOString().replace('.000Z', 'Z');
/** Event envelopes carry milliseconds (`2021-02-18T21:49:07.585Z` in real deliveries). */
export const isoMillis = (ms: number): string => new Date(ms).toISOString();
