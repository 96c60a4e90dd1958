import { PayPalError, unprocessable } from './api-error';
import type { BillingCycle, IntervalUnit } from './state';

/** The business rules of billing_cycles that the schema can't express (NOTES §2): at most 2 TRIAL and exactly 1
 *  REGULAR cycle, sequences 1..n with trials first, finite trials, one currency, and an interval_count limit per
 *  unit. The descriptions are the spec's own (plans.create 422). */

// NOTES §2: interval_count max 365 (DAY), 52 (WEEK), 12 (MONTH), 1 (YEAR).
const MAX_INTERVAL: Record<IntervalUnit, number> = { DAY: 365, WEEK: 52, MONTH: 12, YEAR: 1 };

export function checkBillingCycles(cycles: BillingCycle[]): void {
  cycles.forEach((cycle, i) => {
    const { interval_unit: unit, interval_count: count } = cycle.frequency;
    if (count > MAX_INTERVAL[unit]) {
      throw new PayPalError(400, [{
        field: `/billing_cycles/${i}/frequency/interval_count`,
        value: String(count),
        location: 'body',
        issue: 'INVALID_PARAMETER_VALUE',
        description: 'The value of a field is invalid.',
      }]);
    }
  });
  const regular = cycles.filter((c) => c.tenure_type === 'REGULAR');
  const trials = cycles.filter((c) => c.tenure_type === 'TRIAL');
  if (regular.length === 0) throw unprocessable('MISSING_REGULAR_BILLING_CYCLE', 'Plan should have at least one regular billing cycle.', '/billing_cycles');
  if (regular.length > 1) throw unprocessable('MULTIPLE_REGULAR_BILLING_CYCLES_NOT_SUPPORTED', 'Only one regular billing cycle is allowed.', '/billing_cycles');
  if (trials.length > 2) throw unprocessable('MORE_THAN_TWO_TRIAL_BILLING_CYCLE_NOT_SUPPORTED', 'Only two trial billing cycles are allowed.', '/billing_cycles');
  if (trials.filter((c) => !c.pricing_scheme?.fixed_price || Number(c.pricing_scheme.fixed_price.value) === 0).length > 1) {
    throw unprocessable('MULTIPLE_FREE_TRIAL_BILLING_CYCLES_NOT_SUPPORTED', 'Only one free trial billing cycle is allowed.', '/billing_cycles');
  }
  if (trials.some((c) => c.total_cycles === 0)) {
    throw unprocessable('INVALID_TRIAL_BILLING_TOTAL_CYCLES', "Total cycles for trial billing must be greater than '0'.", '/billing_cycles');
  }
  const sequences = cycles.map((c) => c.sequence).sort((a, b) => a - b);
  if (sequences.some((sequence, i) => sequence !== i + 1)) {
    throw unprocessable('INVALID_BILLING_CYCLE_SEQUENCE', 'Billing cycle sequence should start with `1` and be consecutive.', '/billing_cycles');
  }
  if (trials.some((c) => c.sequence > regular[0]!.sequence)) {
    throw unprocessable('INVALID_BILLING_CYCLE_SEQUENCE', 'Trial Billing cycle should precede regular billing cycle.', '/billing_cycles');
  }
  const currencies = new Set(cycles.flatMap((c) => (c.pricing_scheme?.fixed_price ? [c.pricing_scheme.fixed_price.currency_code] : [])));
  if (currencies.size > 1) throw unprocessable('CURRENCY_MISMATCH', 'All currency codes in the request should be of similar value.', '/billing_cycles');
}
