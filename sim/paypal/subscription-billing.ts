import { addInterval, currencyOf, currentCycle, cycleAmountMinor, finalPaymentTime } from './billing-schedule';
import { recordSale } from './sales';
import type { SimContext } from './sim-context';
import type { BillingState, FailureReason, SaleRecord, SubscriptionRecord } from './state';

/** Running a subscription's billing cycles: a charge (renewal) or a failed payment moves the schedule one cycle on. */

export function startBilling(subscription: SubscriptionRecord, firstBillingTime: number): BillingState {
  const cycles = [...subscription.billingCycles].sort((a, b) => a.sequence - b.sequence).map((cycle) => ({ cycle, completed: 0 }));
  return { currency: currencyOf(subscription.billingCycles), cycles, outstandingMinor: 0, failedPaymentsCount: 0, nextBillingTime: firstBillingTime };
}

export function requireBilling(subscription: SubscriptionRecord): BillingState {
  if (!subscription.billing) throw new Error(`subscription ${subscription.id} has never been active`);
  return subscription.billing;
}

/** Ends the current cycle: the next one starts one interval after this one began (the billing time that was due). */
function advance(sim: SimContext, billing: BillingState): void {
  const progress = currentCycle(billing)!;
  const cycleStart = billing.nextBillingTime ?? sim.clock.now();
  progress.completed += 1;
  billing.nextBillingTime = currentCycle(billing) ? addInterval(cycleStart, progress.cycle.frequency) : undefined;
}

/** Charges the cycle that is due, plus the outstanding balance when the plan bills it automatically (NOTES §3.2).
 *  A free cycle completes without a sale. Returns undefined when nothing was charged. */
export function chargeDueCycle(sim: SimContext, subscription: SubscriptionRecord): SaleRecord | undefined {
  const billing = requireBilling(subscription);
  const progress = currentCycle(billing);
  if (!progress) return undefined;
  const outstanding = subscription.paymentPreferences.auto_bill_outstanding ? billing.outstandingMinor : 0;
  const minor = cycleAmountMinor(subscription, progress.cycle) + outstanding;
  advance(sim, billing);
  let sale: SaleRecord | undefined;
  if (minor > 0) {
    sale = recordSale(sim, subscription, minor, billing.currency);
    billing.lastPayment = { minor, time: sale.time };
    billing.outstandingMinor -= outstanding;
    // NOTES §3.4: failed_payments_count resets to 0 after a successful payment.
    billing.failedPaymentsCount = 0;
  }
  billing.finalPaymentTime = finalPaymentTime(billing);
  return sale;
}

/** The payment due failed for good (PayPal's retries exhausted, NOTES §3.2): one failure is counted, the amount
 *  joins the outstanding balance, and the schedule moves on to the next cycle. */
export function failDueCycle(sim: SimContext, subscription: SubscriptionRecord, reasonCode: FailureReason): void {
  const billing = requireBilling(subscription);
  const progress = currentCycle(billing);
  if (!progress) return;
  const minor = cycleAmountMinor(subscription, progress.cycle);
  advance(sim, billing);
  billing.failedPaymentsCount += 1;
  billing.outstandingMinor += minor;
  billing.lastFailedPayment = { minor, time: sim.clock.now(), reasonCode };
  billing.finalPaymentTime = finalPaymentTime(billing);
}
