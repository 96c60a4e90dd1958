import { errorBody } from '../../../contracts/errors';
import {
  emailSettingsBody,
  platformSettingsBody,
  sendTestEmailBody,
  testEmailResultBody,
  updateEmailSettingsBody,
  updatePlatformSettingsBody,
} from '../../../contracts/settings';
import type { EmailSettingsDeps } from '../../features/email-settings/email-settings-deps';
import { describeEmailSettings, findEmailSettings } from '../../features/email-settings/email-settings-row';
import { sendTestEmail } from '../../features/email-settings/send-test-email';
import { updateEmailSettings } from '../../features/email-settings/update-email-settings';
import { describePlatformSettings, loadPlatformSettings } from '../../features/platform-settings/platform-settings-row';
import { updatePlatformSettings } from '../../features/platform-settings/update-platform-settings';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody, 502: errorBody, 503: errorBody };
const settings = { config: { access: 'admin.settings' as const } };

/** Admin → Settings → Email and → Platform (WHAPI has its own routes in admin-whapi.ts). */
export function adminSettingsRoutes(app: App, { config, services }: AppDeps): void {
  // The request's logger, so what these actions log carries the request id (and is provably free of secrets).
  const email = (log: EmailSettingsDeps['log']): EmailSettingsDeps => ({ db: services.db, box: services.box, envSmtpUrl: config.smtpUrl, log });

  app.get(
    '/api/admin/settings/email',
    { ...settings, schema: { tags: ['admin'], response: { 200: emailSettingsBody, ...errors } } },
    async () => describeEmailSettings(await findEmailSettings(services.db), config.smtpUrl),
  );

  app.put(
    '/api/admin/settings/email',
    { ...settings, schema: { tags: ['admin'], body: updateEmailSettingsBody, response: { 200: emailSettingsBody, ...errors } } },
    async (request) => updateEmailSettings(email(request.log), actorOf(request), request.body),
  );

  app.post(
    '/api/admin/settings/email/test',
    { ...settings, schema: { tags: ['admin'], body: sendTestEmailBody.nullish(), response: { 200: testEmailResultBody, ...errors } } },
    async (request) => {
      const me = request.auth!.user;
      return sendTestEmail(email(request.log), { actor: actorOf(request), to: request.body?.to ?? me.email, sentBy: me.email });
    },
  );

  app.get(
    '/api/admin/settings/platform',
    { ...settings, schema: { tags: ['admin'], response: { 200: platformSettingsBody, ...errors } } },
    async () => describePlatformSettings(await loadPlatformSettings(services.db)),
  );

  app.put(
    '/api/admin/settings/platform',
    { ...settings, schema: { tags: ['admin'], body: updatePlatformSettingsBody, response: { 200: platformSettingsBody, ...errors } } },
    async (request) => updatePlatformSettings(services.db, actorOf(request), request.body),
  );
}
