import { emptyBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import { paypalConnectionResult, paypalSettingsBody, updatePayPalSettingsBody } from '../../../contracts/paypal';
import type { PayPalDeps } from '../../features/paypal/paypal-deps';
import { describePayPalSettings, loadPayPalSettings } from '../../features/paypal/paypal-settings-row';
import { testPayPalConnection } from '../../features/paypal/test-paypal-connection';
import { updatePayPalSettings } from '../../features/paypal/update-paypal-settings';
import type { App } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody };
const admin = { config: { access: 'admin.settings' as const } };

/** Admin → Settings → PayPal. */
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
}
