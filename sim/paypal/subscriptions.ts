import type { HandlerTable } from './api-dispatcher';
import { notFound, PayPalError, unprocessable } from './api-error';
import { newBaToken, newReturnToken, newSubscriptionId } from './ids';
import { termsFor, type PlanOverride } from './plan-override';
import { wantsRepresentation } from './prefer-header';
import { findReplay, rememberRequest } from './request-ids';
import type { SimContext } from './sim-context';
import type { Money, SubscriptionRecord, UserAction } from './state';
import { activateSubscription, cancelSubscription, suspendSubscription } from './subscription-lifecycle';
import { toMinimalSubscription, toSubscription } from './subscription-view';
import { captureOutstanding } from './subscription-capture';
import { toTransaction, transactionsOf } from './transactions';
import { publishSubscriptionEvent } from './webhook-events';

/** The subscription endpoints (NOTES §3.1). */

/** subscription_request_post after schema validation. */
interface CreateRequest {
  plan_id: string;
  custom_id?: string;
  start_time?: string;
  quantity?: string;
  shipping_amount?: Money;
  subscriber?: Record<string, unknown>;
  application_context?: {
    brand_name?: string;
    shipping_preference?: string;
    user_action?: UserAction;
    return_url: string;
    cancel_url: string;
  };
  plan?: PlanOverride;
}

// A client computing start_time as "now" races the request; a minute of slack keeps that from failing.
const START_TIME_SLACK_MS = 60_000;

export function requireSubscription(sim: SimContext, id: string): SubscriptionRecord {
  const subscription = sim.state.subscriptions.get(id);
  if (!subscription) throw notFound('id', id);
  return subscription;
}

function createSubscription(sim: SimContext, request: CreateRequest): SubscriptionRecord {
  const plan = sim.state.plans.get(request.plan_id);
  if (!plan) throw notFound('/plan_id', request.plan_id, 'body');
  if (plan.status !== 'ACTIVE') {
    throw unprocessable('PLAN_STATUS_INVALID', 'Invalid plan status for subscription creation; plan status should be active.', '/plan_id', plan.id);
  }
  if (request.quantity !== undefined && !plan.quantitySupported) {
    throw unprocessable('SUBSCRIPTION_CANNOT_HAVE_QUANTITY', "Subscription can't have quantity as the plan does not support quantity.", '/quantity', request.quantity);
  }
  const now = sim.clock.now();
  const startTime = request.start_time ? Date.parse(request.start_time) : now;
  if (startTime < now - START_TIME_SLACK_MS) {
    throw new PayPalError(400, [{ field: '/start_time', value: request.start_time, location: 'body', issue: 'INVALID_PARAMETER_VALUE', description: 'Start time must be a valid future date and time.' }]);
  }
  const context = request.application_context;
  const { payment_source: _card, ...subscriber } = request.subscriber ?? {};
  const subscription: SubscriptionRecord = {
    id: newSubscriptionId(),
    planId: plan.id,
    customId: request.custom_id,
    quantity: request.quantity,
    shippingAmount: request.shipping_amount,
    status: 'APPROVAL_PENDING',
    statusUpdateTime: now,
    startTime,
    createTime: now,
    updateTime: now,
    subscriber: request.subscriber ? subscriber : undefined,
    returnUrl: context?.return_url,
    cancelUrl: context?.cancel_url,
    brandName: context?.brand_name,
    userAction: context?.user_action ?? 'SUBSCRIBE_NOW',
    noShipping: context?.shipping_preference === 'NO_SHIPPING',
    ...termsFor(plan, request.plan),
    baToken: newBaToken(),
    returnToken: newReturnToken(),
    sales: [],
  };
  sim.state.subscriptions.set(subscription.id, subscription);
  publishSubscriptionEvent(sim, subscription, 'BILLING.SUBSCRIPTION.CREATED');
  return subscription;
}

const view = (sim: SimContext, subscription: SubscriptionRecord, prefer: string | undefined) =>
  wantsRepresentation(prefer) ? toSubscription(sim, subscription) : toMinimalSubscription(sim, subscription);

const reasonOf = (body: unknown) => (body as { reason?: string }).reason;

export const subscriptionHandlers: HandlerTable = {
  'POST /v1/billing/subscriptions': (sim, { body, headers }) => {
    const requestId = headers['paypal-request-id'];
    const replay = findReplay(sim, 'subscriptions', requestId);
    if (replay) return { status: 200, body: view(sim, requireSubscription(sim, replay), headers.prefer) };
    const subscription = createSubscription(sim, body as CreateRequest);
    rememberRequest(sim, 'subscriptions', requestId, subscription.id);
    return { status: 201, body: view(sim, subscription, headers.prefer) };
  },
  'GET /v1/billing/subscriptions/{id}': (sim, { params, query }) => {
    const fields = new Set(String(query.fields ?? '').split(',').map((field) => field.trim()));
    return { body: toSubscription(sim, requireSubscription(sim, params.id ?? ''), fields) };
  },
  'POST /v1/billing/subscriptions/{id}/cancel': (sim, { params, body }) => {
    cancelSubscription(sim, requireSubscription(sim, params.id ?? ''), reasonOf(body)!);
    return { status: 204 };
  },
  'POST /v1/billing/subscriptions/{id}/suspend': (sim, { params, body }) => {
    suspendSubscription(sim, requireSubscription(sim, params.id ?? ''), reasonOf(body)!);
    return { status: 204 };
  },
  'POST /v1/billing/subscriptions/{id}/activate': (sim, { params, body }) => {
    activateSubscription(sim, requireSubscription(sim, params.id ?? ''), reasonOf(body));
    return { status: 204 };
  },
  'POST /v1/billing/subscriptions/{id}/capture': (sim, { params, body, headers }) => {
    const subscription = requireSubscription(sim, params.id ?? '');
    const scope = `capture ${subscription.id}`;
    const replay = findReplay(sim, scope, headers['paypal-request-id']);
    const sale = subscription.sales.find((s) => s.id === replay) ?? captureOutstanding(sim, subscription, (body as { amount: Money }).amount);
    rememberRequest(sim, scope, headers['paypal-request-id'], sale.id);
    return { body: toTransaction(subscription, sale) };
  },
  'GET /v1/billing/subscriptions/{id}/transactions': (sim, { params, query }) => ({
    body: transactionsOf(sim, requireSubscription(sim, params.id ?? ''), String(query.start_time), String(query.end_time)),
  }),
};
