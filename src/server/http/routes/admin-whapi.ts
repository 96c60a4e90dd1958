import { emptyBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import {
  partnerNoticesPage,
  partnerNoticesQuery,
  registerWebhookBody,
  testConnectionBody,
  updateWhapiSettingsBody,
  whapiProjectsBody,
  whapiSettingsBody,
  whapiStatusBody,
} from '../../../contracts/whapi-settings';
import { listPartnerNotices } from '../../features/whapi/list-partner-notices';
import { listWhapiProjects } from '../../features/whapi/list-whapi-projects';
import { registerPartnerWebhook } from '../../features/whapi/register-partner-webhook';
import { rotateWebhookSecret } from '../../features/whapi/rotate-webhook-secret';
import { testWhapiConnection } from '../../features/whapi/test-whapi-connection';
import { updateWhapiSettings } from '../../features/whapi/update-whapi-settings';
import type { WhapiDeps } from '../../features/whapi/whapi-deps';
import { describeWhapiSettings, loadWhapiSettings } from '../../features/whapi/whapi-settings-row';
import { whapiStatus } from '../../features/whapi/whapi-status';
import type { App } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody, 502: errorBody, 503: errorBody };
const settings = { config: { access: 'admin.whapi' as const } };

export function adminWhapiRoutes(app: App, whapi: WhapiDeps): void {
  app.get(
    '/api/admin/settings/whapi',
    { ...settings, schema: { tags: ['admin'], response: { 200: whapiSettingsBody, ...errors } } },
    async () => describeWhapiSettings(await loadWhapiSettings(whapi.db, whapi.box), whapi.box, whapi.appUrl),
  );

  app.patch(
    '/api/admin/settings/whapi',
    { ...settings, schema: { tags: ['admin'], body: updateWhapiSettingsBody, response: { 200: whapiSettingsBody, ...errors } } },
    async (request) => updateWhapiSettings(whapi, actorOf(request), request.body),
  );

  app.post(
    '/api/admin/settings/whapi/test',
    { ...settings, schema: { tags: ['admin'], body: emptyBody, response: { 200: testConnectionBody, ...errors } } },
    async () => testWhapiConnection(whapi),
  );

  app.get(
    '/api/admin/settings/whapi/projects',
    { ...settings, schema: { tags: ['admin'], response: { 200: whapiProjectsBody, ...errors } } },
    async () => ({ projects: await listWhapiProjects(whapi) }),
  );

  app.post(
    '/api/admin/settings/whapi/rotate-webhook-secret',
    { ...settings, schema: { tags: ['admin'], body: emptyBody, response: { 200: whapiSettingsBody, ...errors } } },
    async (request) => rotateWebhookSecret(whapi, actorOf(request)),
  );

  app.post(
    '/api/admin/settings/whapi/register-webhook',
    { ...settings, schema: { tags: ['admin'], body: registerWebhookBody, response: { 200: whapiSettingsBody, ...errors } } },
    async (request) => registerPartnerWebhook(whapi, actorOf(request), request.body.daysLimit),
  );

  app.get(
    '/api/admin/whapi/status',
    { config: { access: 'admin.dashboard' }, schema: { tags: ['admin'], response: { 200: whapiStatusBody, ...errors } } },
    async () => whapiStatus(whapi.db),
  );

  app.get(
    '/api/admin/whapi/notices',
    {
      config: { access: 'admin.balances' },
      schema: { tags: ['admin'], querystring: partnerNoticesQuery, response: { 200: partnerNoticesPage, ...errors } },
    },
    async (request) => listPartnerNotices(whapi.db, request.query.page, request.query.pageSize),
  );
}
