import { unprocessable } from './api-error';
import { currentCycle } from './billing-schedule';
import { newPayerId } from './ids';
import type { SimContext } from './sim-context';
import type { FailureReason, SaleRecord, SubscriptionRecord, SubscriptionStatus, UserAction } from './state';
import { chargeDueCycle, failDueCycle, requireBilling, startBilling } from './subscription-billing';
import { publishSaleCompleted, publishSubscriptionEvent } from './webhook-events';

/** The status machine of NOTES §3.2, in one place. Every transition stamps status_update_time, sends its webhook,
 *  and refuses a wrong starting status with 422 SUBSCRIPTION_STATUS_INVALID like PayPal. */

// The spec pins these descriptions per operation (subscriptions.*-422). Activate's says "suspended" even though an
// APPROVED subscription must be activated too (NOTES §10); the others are control-endpoint actions.
const SHOULD_BE: Record<string, string> = {
  cancel: 'active or suspended',
  suspend: 'active',
  activate: 'suspended',
  capture: 'active or suspended or expired',
};

export function requireStatus(subscription: SubscriptionRecord, allowed: SubscriptionStatus[], action: string): void {
  if (allowed.includes(subscription.status)) return;
  const should = SHOULD_BE[action] ?? allowed.map((status) => status.toLowerCase().replace('_', ' ')).join(' or ');
  throw unprocessable('SUBSCRIPTION_STATUS_INVALID', `Invalid subscription status for ${action} action; subscription status should be ${should}.`);
}

function setStatus(sim: SimContext, subscription: SubscriptionRecord, status: SubscriptionStatus, note?: string): void {
  const now = sim.clock.now();
  subscription.status = status;
  subscription.statusUpdateTime = now;
  subscription.updateTime = now;
  if (note !== undefined) subscription.statusChangeNote = note;
}

// PayPal's sandbox buyer, as real sandbox deliveries show it.
const SANDBOX_BUYER = {
  name: { given_name: 'John', surname: 'Doe' },
  email_address: 'sb-buyer@personal.example.com',
  shipping_address: {
    name: { full_name: 'John Doe' },
    address: { address_line_1: '2211 N First Street', address_line_2: 'Building 17', admin_area_2: 'San Jose', admin_area_1: 'CA', postal_code: '95131', country_code: 'US' },
  },
};

/** Approval tells PayPal who the buyer is: name, email, payer id and (unless NO_SHIPPING) a shipping address. */
function identifyBuyer(subscription: SubscriptionRecord): void {
  const given = subscription.subscriber ?? {};
  const shipping = subscription.noShipping ? {} : { shipping_address: given.shipping_address ?? SANDBOX_BUYER.shipping_address };
  subscription.subscriber = {
    ...given,
    name: given.name ?? SANDBOX_BUYER.name,
    email_address: given.email_address ?? SANDBOX_BUYER.email_address,
    payer_id: newPayerId(),
    ...shipping,
  };
}

/** First activation: billing starts; the first cycle is charged now unless start_time lies ahead. */
function activateForTheFirstTime(sim: SimContext, subscription: SubscriptionRecord, note?: string): void {
  const now = sim.clock.now();
  const firstBilling = Math.max(now, subscription.startTime);
  subscription.billing = startBilling(subscription, firstBilling);
  setStatus(sim, subscription, 'ACTIVE', note);
  const sale = firstBilling <= now ? chargeDueCycle(sim, subscription) : undefined;
  publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.ACTIVATED');
  if (sale) publishSaleCompleted(sim, sale);
}

/** The buyer approved on PayPal: ACTIVE at once, or APPROVED when the merchant asked for user_action CONTINUE and
 *  must then call activate. */
export function approveSubscription(sim: SimContext, subscription: SubscriptionRecord, userAction: UserAction = subscription.userAction): void {
  requireStatus(subscription, ['APPROVAL_PENDING'], 'approve');
  identifyBuyer(subscription);
  if (userAction === 'CONTINUE') setStatus(sim, subscription, 'APPROVED');
  else activateForTheFirstTime(sim, subscription);
}

/** POST …/activate: SUSPENDED → ACTIVE, and APPROVED → ACTIVE (NOTES §10: the 422 text only names "suspended",
 *  but CONTINUE approvals must be activated this way). */
export function activateSubscription(sim: SimContext, subscription: SubscriptionRecord, reason?: string): void {
  requireStatus(subscription, ['SUSPENDED', 'APPROVED'], 'activate');
  if (subscription.status === 'APPROVED') return activateForTheFirstTime(sim, subscription, reason);
  if (hasReachedFailureThreshold(subscription)) {
    // The spec's activate 422; a successful capture of the outstanding balance resets the count and lifts it.
    throw unprocessable('SUBSCRIPTION_CANNOT_BE_ACTIVATED', 'Subscription cannot be activated after payment failure threshold has reached.');
  }
  setStatus(sim, subscription, 'ACTIVE', reason);
  publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.ACTIVATED');
}

function hasReachedFailureThreshold(subscription: SubscriptionRecord): boolean {
  const threshold = subscription.paymentPreferences.payment_failure_threshold;
  return threshold > 0 && (subscription.billing?.failedPaymentsCount ?? 0) >= threshold;
}

export function suspendSubscription(sim: SimContext, subscription: SubscriptionRecord, reason: string): void {
  requireStatus(subscription, ['ACTIVE'], 'suspend');
  setStatus(sim, subscription, 'SUSPENDED', reason);
  publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.SUSPENDED');
}

/** The merchant's POST …/cancel, or the buyer cancelling in their PayPal account: the same terminal state. */
export function cancelSubscription(sim: SimContext, subscription: SubscriptionRecord, reason: string): void {
  requireStatus(subscription, ['ACTIVE', 'SUSPENDED'], 'cancel');
  setStatus(sim, subscription, 'CANCELLED', reason);
  publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.CANCELLED');
}

export function expireSubscription(sim: SimContext, subscription: SubscriptionRecord): void {
  requireStatus(subscription, ['ACTIVE', 'SUSPENDED'], 'expire');
  setStatus(sim, subscription, 'EXPIRED');
  publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.EXPIRED');
}

/** The next billing time came and the charge went through. Once every finite cycle has run, the term is over and
 *  the subscription expires instead. */
export function renewSubscription(sim: SimContext, subscription: SubscriptionRecord): SaleRecord | undefined {
  requireStatus(subscription, ['ACTIVE'], 'renew');
  if (!currentCycle(requireBilling(subscription))) {
    expireSubscription(sim, subscription);
    return undefined;
  }
  const sale = chargeDueCycle(sim, subscription);
  subscription.updateTime = sim.clock.now();
  if (sale) publishSaleCompleted(sim, sale);
  return sale;
}

/** The charge due failed for good; at payment_failure_threshold consecutive failures PayPal suspends. A threshold of
 *  0 (the default) never suspends: our reading, the docs don't say. */
export function failSubscriptionPayment(sim: SimContext, subscription: SubscriptionRecord, reasonCode: FailureReason): void {
  requireStatus(subscription, ['ACTIVE'], 'fail-payment');
  const billing = requireBilling(subscription);
  if (!currentCycle(billing)) throw unprocessable('BILLING_CYCLE_EXECUTION_COMPLETED', 'Every billing cycle has already run.');
  failDueCycle(sim, subscription, reasonCode);
  subscription.updateTime = sim.clock.now();
  publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.PAYMENT.FAILED');
  if (hasReachedFailureThreshold(subscription)) {
    setStatus(sim, subscription, 'SUSPENDED', 'Payment failure threshold reached');
    publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.SUSPENDED');
  }
}
