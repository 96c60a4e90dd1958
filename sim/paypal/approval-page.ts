import type { FastifyInstance, FastifyReply } from 'fastify';
import { PayPalError } from './api-error';
import { approvalPage, messagePage } from './approval-html';
import { buyerApproves, buyerDeclines } from './buyer-approval';
import type { SimContext } from './sim-context';
import { findSubscriptionByBaToken, type SubscriptionRecord } from './state';

/** What the buyer's browser sees at the approve link (`links[rel=approve].href`, NOTES §3.3 redirect flow). */
const PAGE_PATH = '/webapps/billing/subscriptions';

const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(body);

function findPending(sim: SimContext, baToken: unknown, reply: FastifyReply): SubscriptionRecord | undefined {
  const subscription = typeof baToken === 'string' ? findSubscriptionByBaToken(sim.state, baToken) : undefined;
  if (!subscription) {
    void html(reply, 404, messagePage('Link not found', 'This approval link is unknown or has expired. Go back to the merchant and try again.'));
    return undefined;
  }
  if (subscription.status !== 'APPROVAL_PENDING') {
    void html(reply, 409, messagePage('Already handled', `This subscription is no longer waiting for approval (status ${subscription.status}).`));
    return undefined;
  }
  return subscription;
}

const formToken = (body: unknown) => (body as Record<string, unknown> | undefined)?.ba_token;

export function registerApprovalPage(app: FastifyInstance, sim: SimContext): void {
  app.get(PAGE_PATH, async (request, reply) => {
    const subscription = findPending(sim, (request.query as Record<string, unknown>).ba_token, reply);
    if (!subscription) return reply;
    return html(reply, 200, approvalPage(subscription, sim.state.plans.get(subscription.planId)));
  });

  app.post(`${PAGE_PATH}/approve`, async (request, reply) => {
    const subscription = findPending(sim, formToken(request.body), reply);
    if (!subscription) return reply;
    try {
      const target = buyerApproves(sim, subscription);
      if (target) return reply.redirect(target, 302);
      return html(reply, 200, messagePage("You're subscribed", `Subscription ${subscription.id} is ${subscription.status}. You can close this page.`));
    } catch (error) {
      if (error instanceof PayPalError) return html(reply, error.status, messagePage('Not possible', error.message));
      throw error;
    }
  });

  app.post(`${PAGE_PATH}/cancel`, async (request, reply) => {
    const subscription = findPending(sim, formToken(request.body), reply);
    if (!subscription) return reply;
    const target = buyerDeclines(subscription);
    if (target) return reply.redirect(target, 302);
    return html(reply, 200, messagePage('Cancelled', 'You did not subscribe. You can close this page.'));
  });
}
