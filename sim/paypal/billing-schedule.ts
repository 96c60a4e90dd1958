import { DAY_MS } from './clock';
import { toMinor } from './money';
import type { BillingCycle, BillingState, CycleProgress, Frequency, SubscriptionRecord } from './state';

/** Pure date and amount arithmetic of a subscription's billing cycles (NOTES §2): trials first, then the REGULAR
 *  cycle; `total_cycles: 0` repeats forever. */

function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  // Billing on the 31st continues on the last day of shorter months instead of spilling into the next one.
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

export function addInterval(ms: number, { interval_unit: unit, interval_count: count }: Frequency): number {
  if (unit === 'DAY') return ms + count * DAY_MS;
  if (unit === 'WEEK') return ms + count * 7 * DAY_MS;
  return addMonths(ms, unit === 'MONTH' ? count : 12 * count);
}

const isOpen = ({ cycle, completed }: CycleProgress) => cycle.total_cycles === 0 || completed < cycle.total_cycles;

/** The cycle the next charge belongs to, or undefined once every finite cycle has run. */
export const currentCycle = (billing: BillingState): CycleProgress | undefined => billing.cycles.find(isOpen);

export const cyclesRemaining = ({ cycle, completed }: CycleProgress): number =>
  cycle.total_cycles === 0 ? 0 : Math.max(0, cycle.total_cycles - completed);

/** The currency of the first priced cycle (a free trial has no pricing_scheme). */
export function currencyOf(cycles: BillingCycle[]): string {
  return cycles.find((cycle) => cycle.pricing_scheme?.fixed_price)?.pricing_scheme?.fixed_price?.currency_code ?? 'USD';
}

/** fixed_price × quantity, plus tax when the plan's taxes are not inclusive. Tiered pricing is not priced. */
export function cycleAmountMinor(subscription: SubscriptionRecord, cycle: BillingCycle): number {
  const price = cycle.pricing_scheme?.fixed_price;
  if (!price) return 0;
  const quantity = subscription.quantity ? Number(subscription.quantity) : 1;
  const base = toMinor(price.value, price.currency_code) * quantity;
  const taxes = subscription.taxes;
  const tax = taxes && !taxes.inclusive ? (base * Number(taxes.percentage)) / 100 : 0;
  return Math.round(base + tax);
}

/** When the last payment of a finite schedule falls, counting from the next billing time; undefined if it never ends. */
export function finalPaymentTime(billing: BillingState): number | undefined {
  const remaining = billing.cycles.filter(isOpen);
  if (remaining.length === 0) return billing.lastPayment?.time;
  if (remaining.some(({ cycle }) => cycle.total_cycles === 0) || billing.nextBillingTime === undefined) return undefined;
  let at = billing.nextBillingTime;
  let last = at;
  for (const progress of remaining) {
    for (let i = 0; i < cyclesRemaining(progress); i++) {
      last = at;
      at = addInterval(at, progress.cycle.frequency);
    }
  }
  return last;
}
