import { emptyBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import {
  adminPayPalPage,
  adminPayPalQuery,
  adminPayPalSyncReply,
  paypalConnectionResult,
  paypalSettingsBody,
  paypalSubscriptionParams,
  updatePayPalSettingsBody,
} from '../../../contracts/paypal';
import { notFound } from '../../app-error';
import { findPayPalSubscriptionForAdmin, listPayPalSubscriptionsForAdmin } from '../../features/paypal/list-my-paypal-subscriptions';
import { syncPayPalSubscription } from '../../features/paypal/sync-paypal-subscription';
import type { PayPalDeps } from '../../features/paypal/paypal-deps';
import { describePayPalSettings, loadPayPalSettings } from '../../features/paypal/paypal-settings-row';
import { testPayPalConnection } from '../../features/paypal/test-paypal-connection';
import { updatePayPalSettings } from '../../features/paypal/update-paypal-settings';
import type { App } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 502: errorBody, 503: errorBody };
const admin = { config: { access: 'admin.settings' as const } };

/** Admin → Settings → PayPal, and Admin → Payments → PayPal. */
export function adminPayPalRoutes(app: App, paypal: PayPalDeps): void {
  app.get(
    '/api/admin/settings/paypal',
    { ...admin, schema: { tags: ['admin'], response: { 200: paypalSettingsBody, ...errors } } },
    async () => ({ settings: describePayPalSettings(await loadPayPalSettings(paypal.db), paypal) }),
  );

  app.put(
    '/api/admin/settings/paypal',
    { ...admin, schema: { tags: ['admin'], body: updatePayPalSettingsBody, response: { 200: paypalSettingsBody, ...errors } } },
    async (request) => ({ settings: await updatePayPalSettings(paypal, actorOf(request), request.body) }),
  );

  app.post(
    '/api/admin/settings/paypal/test',
    { ...admin, schema: { tags: ['admin'], body: emptyBody, response: { 200: paypalConnectionResult, ...errors } } },
    async (request) => testPayPalConnection(paypal, actorOf(request)),
  );

  const payments = { config: { access: 'admin.payments' as const } };

  app.get(
    '/api/admin/payments/paypal',
    { ...payments, schema: { tags: ['admin'], querystring: adminPayPalQuery, response: { 200: adminPayPalPage, ...errors } } },
    async (request) => listPayPalSubscriptionsForAdmin(paypal.db, request.query),
  );

  // "Check with PayPal now": the same sync the webhooks and the daily reconcile run, on demand.
  app.post(
    '/api/admin/payments/paypal/:id/sync',
    {
      ...payments,
      schema: { tags: ['admin'], params: paypalSubscriptionParams, body: emptyBody, response: { 200: adminPayPalSyncReply, ...errors } },
    },
    async (request) => {
      const found = await findPayPalSubscriptionForAdmin(paypal.db, request.params.id);
      if (!found) throw notFound('PayPal subscription');
      const outcome = await syncPayPalSubscription(paypal, found.paypalSubscriptionId, actorOf(request));
      return { outcome, subscription: (await findPayPalSubscriptionForAdmin(paypal.db, found.id))! };
    },
  );
}
