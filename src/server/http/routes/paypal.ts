import { z } from 'zod';
import { okBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import {
  cancelPayPalSubscriptionBody,
  paypalCancelCheckoutBody,
  paypalReturnBody,
  paypalReturnReply,
  paypalSubscriptionList,
  paypalSubscriptionParams,
  startPayPalCheckoutBody,
  startPayPalCheckoutReply,
} from '../../../contracts/paypal';
import { cancelPayPalSubscription } from '../../features/paypal/cancel-paypal-subscription';
import { cancelPayPalCheckout, finishPayPalReturn } from '../../features/paypal/finish-paypal-return';
import { listMyPayPalSubscriptions } from '../../features/paypal/list-my-paypal-subscriptions';
import type { PayPalDeps } from '../../features/paypal/paypal-deps';
import { receivePayPalWebhook } from '../../features/paypal/receive-paypal-webhook';
import { startPayPalCheckout } from '../../features/paypal/start-paypal-checkout';
import { requireUser } from '../access-guard';
import type { App } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 502: errorBody, 503: errorBody };
const payments = { config: { access: 'payments' as const } };

export function paypalRoutes(app: App, paypal: PayPalDeps): void {
  const userActor = (request: Parameters<typeof actorOf>[0]) => ({ ...actorOf(request), userId: requireUser(request).id });

  app.post(
    '/api/payments/paypal/checkout',
    { ...payments, schema: { tags: ['payments'], body: startPayPalCheckoutBody, response: { 200: startPayPalCheckoutReply, ...errors } } },
    async (request) => startPayPalCheckout(paypal, { actor: userActor(request), planId: request.body.planId }),
  );

  app.post(
    '/api/payments/paypal/return',
    { ...payments, schema: { tags: ['payments'], body: paypalReturnBody, response: { 200: paypalReturnReply, ...errors } } },
    async (request) => finishPayPalReturn(paypal, userActor(request), request.body),
  );

  app.post(
    '/api/payments/paypal/cancel-checkout',
    { ...payments, schema: { tags: ['payments'], body: paypalCancelCheckoutBody, response: { 200: okBody, ...errors } } },
    async (request) => {
      await cancelPayPalCheckout(paypal, userActor(request), request.body.ref);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/payments/paypal/subscriptions',
    { ...payments, schema: { tags: ['payments'], response: { 200: paypalSubscriptionList, ...errors } } },
    async (request) => ({ subscriptions: await listMyPayPalSubscriptions(paypal.db, requireUser(request).id) }),
  );

  app.post(
    '/api/payments/paypal/subscriptions/:id/cancel',
    {
      ...payments,
      schema: {
        tags: ['payments'],
        params: paypalSubscriptionParams,
        body: cancelPayPalSubscriptionBody,
        response: { 200: paypalSubscriptionList, ...errors },
      },
    },
    async (request) => {
      const actor = userActor(request);
      await cancelPayPalSubscription(paypal, actor, request.params.id, request.body.reason);
      return { subscriptions: await listMyPayPalSubscriptions(paypal.db, actor.userId) };
    },
  );

  // Called by PayPal, not by a browser: no session and no CSRF check; PayPal's signature authenticates. The body
  // is kept as text because the signature covers the exact bytes (NOTES §5.5), so this scope parses JSON itself.
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/webhooks/paypal',
      {
        config: { access: 'public', csrf: false },
        bodyLimit: 512 * 1024,
        schema: { tags: ['webhooks'], body: z.string(), response: { 200: okBody, 400: errorBody, 503: errorBody } },
      },
      async (request) => {
        await receivePayPalWebhook(paypal, { headers: request.headers, rawBody: request.body as string });
        return { ok: true as const };
      },
    );
  });
}
