import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { buyerApproves, buyerDeclines } from './buyer-approval';
import { parseBody } from './control-body';
import { toPlan } from './plan-view';
import { toSaleResource } from './sales';
import { SeedPlanBody, seedPlan } from './seed-plan';
import type { SimContext } from './sim-context';
import { cancelSubscription, expireSubscription, failSubscriptionPayment, renewSubscription } from './subscription-lifecycle';
import { toSubscription } from './subscription-view';
import { requireSubscription } from './subscriptions';

/** /__sim/… for plans and subscriptions: seed a plan, and everything the buyer or PayPal's billing does. */
const ApproveBody = z.object({ userAction: z.enum(['SUBSCRIBE_NOW', 'CONTINUE']).optional() });
const FailBody = z.object({
  reason_code: z
    .enum(['PAYMENT_DENIED', 'INTERNAL_SERVER_ERROR', 'PAYEE_ACCOUNT_RESTRICTED', 'PAYER_ACCOUNT_RESTRICTED', 'PAYER_CANNOT_PAY', 'SENDING_LIMIT_EXCEEDED', 'TRANSACTION_RECEIVING_LIMIT_EXCEEDED', 'CURRENCY_MISMATCH'])
    .default('PAYMENT_DENIED'),
});
const BuyerCancelBody = z.object({ reason: z.string().min(1).max(128).default('Cancelled by the buyer in their PayPal account') });

export function registerControlRoutes(app: FastifyInstance, sim: SimContext): void {
  const subscriptionOf = (params: unknown) => requireSubscription(sim, (params as { id: string }).id);
  const show = (subscription: Parameters<typeof toSubscription>[1]) => toSubscription(sim, subscription, new Set(['last_failed_payment']));

  app.post('/__sim/plans', async (request, reply) => reply.code(201).send(toPlan(sim, seedPlan(sim, parseBody(SeedPlanBody, request.body)))));

  app.post('/__sim/subscriptions/:id/approve', async (request) => {
    const subscription = subscriptionOf(request.params);
    const redirect = buyerApproves(sim, subscription, parseBody(ApproveBody, request.body).userAction);
    return { subscription: show(subscription), redirect: redirect ?? null };
  });
  app.post('/__sim/subscriptions/:id/decline', async (request) => {
    const subscription = subscriptionOf(request.params);
    return { subscription: show(subscription), redirect: buyerDeclines(subscription) ?? null };
  });
  app.post('/__sim/subscriptions/:id/renew', async (request) => {
    const subscription = subscriptionOf(request.params);
    const sale = renewSubscription(sim, subscription);
    return { subscription: show(subscription), sale: sale ? toSaleResource(sim, sale).body : null };
  });
  app.post('/__sim/subscriptions/:id/fail-payment', async (request) => {
    const subscription = subscriptionOf(request.params);
    failSubscriptionPayment(sim, subscription, parseBody(FailBody, request.body).reason_code);
    return { subscription: show(subscription) };
  });
  app.post('/__sim/subscriptions/:id/expire', async (request) => {
    const subscription = subscriptionOf(request.params);
    expireSubscription(sim, subscription);
    return { subscription: show(subscription) };
  });
  app.post('/__sim/subscriptions/:id/buyer-cancel', async (request) => {
    const subscription = subscriptionOf(request.params);
    cancelSubscription(sim, subscription, parseBody(BuyerCancelBody, request.body).reason);
    return { subscription: show(subscription) };
  });
}
