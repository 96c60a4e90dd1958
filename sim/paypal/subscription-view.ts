import { cyclesRemaining } from './billing-schedule';
import { isoSeconds } from './clock';
import { money } from './money';
import { toPlan } from './plan-view';
import type { SimContext } from './sim-context';
import type { BillingState, SubscriptionRecord, SubscriptionStatus } from './state';

/** The subscription resource as GET /v1/billing/subscriptions/{id} returns it (NOTES §3.4). */

export const approvalUrl = (sim: SimContext, subscription: SubscriptionRecord): string =>
  `${sim.baseUrl}/webapps/billing/subscriptions?ba_token=${subscription.baToken}`;

type Rel = 'approve' | 'edit' | 'self' | 'cancel' | 'suspend' | 'activate' | 'capture';
// The rels PayPal shows for each status (NOTES §3.4); terminal subscriptions only link to themselves.
const RELS: Record<SubscriptionStatus, Rel[]> = {
  APPROVAL_PENDING: ['approve', 'edit', 'self'],
  APPROVED: ['edit', 'self', 'activate'],
  ACTIVE: ['cancel', 'edit', 'self', 'suspend', 'capture'],
  SUSPENDED: ['cancel', 'activate', 'edit', 'self', 'capture'],
  CANCELLED: ['self'],
  EXPIRED: ['self'],
};

export function subscriptionLinks(sim: SimContext, subscription: SubscriptionRecord) {
  const self = `${sim.baseUrl}/v1/billing/subscriptions/${subscription.id}`;
  const link = (rel: Rel) => {
    if (rel === 'approve') return { href: approvalUrl(sim, subscription), rel, method: 'GET' };
    if (rel === 'edit') return { href: self, rel, method: 'PATCH' };
    if (rel === 'self') return { href: self, rel, method: 'GET' };
    return { href: `${self}/${rel}`, rel, method: 'POST' };
  };
  return RELS[subscription.status].map(link);
}

const isTerminal = (status: SubscriptionStatus) => status === 'CANCELLED' || status === 'EXPIRED';

function billingInfo(subscription: SubscriptionRecord, billing: BillingState, withLastFailed: boolean) {
  const { currency } = billing;
  return {
    outstanding_balance: money(billing.outstandingMinor, currency),
    cycle_executions: billing.cycles.map((progress) => ({
      tenure_type: progress.cycle.tenure_type,
      sequence: progress.cycle.sequence,
      cycles_completed: progress.completed,
      cycles_remaining: cyclesRemaining(progress),
      ...(progress.cycle.pricing_scheme ? { current_pricing_scheme_version: Math.max(1, progress.cycle.pricing_scheme.version) } : {}),
      total_cycles: progress.cycle.total_cycles,
    })),
    ...(billing.lastPayment ? { last_payment: { amount: money(billing.lastPayment.minor, currency), time: isoSeconds(billing.lastPayment.time) } } : {}),
    ...(billing.nextBillingTime !== undefined && !isTerminal(subscription.status) ? { next_billing_time: isoSeconds(billing.nextBillingTime) } : {}),
    ...(billing.finalPaymentTime !== undefined ? { final_payment_time: isoSeconds(billing.finalPaymentTime) } : {}),
    failed_payments_count: billing.failedPaymentsCount,
    ...(withLastFailed && billing.lastFailedPayment
      ? {
          last_failed_payment: {
            amount: money(billing.lastFailedPayment.minor, currency),
            time: isoSeconds(billing.lastFailedPayment.time),
            reason_code: billing.lastFailedPayment.reasonCode,
          },
        }
      : {}),
  };
}

/** `fields` is the GET query's comma-separated list: `plan` adds the plan, `last_failed_payment` the last failure. */
export function toSubscription(sim: SimContext, subscription: SubscriptionRecord, fields: ReadonlySet<string> = new Set()) {
  const plan = fields.has('plan') ? sim.state.plans.get(subscription.planId) : undefined;
  return {
    status: subscription.status,
    ...(subscription.statusChangeNote ? { status_change_note: subscription.statusChangeNote } : {}),
    status_update_time: isoSeconds(subscription.statusUpdateTime),
    id: subscription.id,
    plan_id: subscription.planId,
    start_time: isoSeconds(subscription.startTime),
    quantity: subscription.quantity ?? '1',
    ...(subscription.shippingAmount ? { shipping_amount: subscription.shippingAmount } : {}),
    ...(subscription.subscriber ? { subscriber: subscription.subscriber } : {}),
    ...(subscription.billing ? { billing_info: billingInfo(subscription, subscription.billing, fields.has('last_failed_payment')) } : {}),
    create_time: isoSeconds(subscription.createTime),
    update_time: isoSeconds(subscription.updateTime),
    ...(subscription.customId !== undefined ? { custom_id: subscription.customId } : {}),
    plan_overridden: subscription.planOverridden,
    ...(plan ? { plan: toPlan(sim, plan) } : {}),
    links: subscriptionLinks(sim, subscription),
  };
}

/** `Prefer: return=minimal`, the default on create: only id, status, create time and links (NOTES §3.1). */
export function toMinimalSubscription(sim: SimContext, subscription: SubscriptionRecord) {
  return {
    status: subscription.status,
    id: subscription.id,
    create_time: isoSeconds(subscription.createTime),
    links: subscriptionLinks(sim, subscription),
  };
}
