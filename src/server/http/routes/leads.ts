import { errorBody } from '../../../contracts/errors';
import { okBody } from '../../../contracts/common';
import { createLeadBody, leadBody, leadIdParams, leadPage, leadQuery, updateLeadBody } from '../../../contracts/leads';
import type { FindSession } from '../../features/auth/find-session';
import { createLead } from '../../features/leads/create-lead';
import { listLeads } from '../../features/leads/list-leads';
import { updateLead } from '../../features/leads/update-lead';
import type { Mailer } from '../../integrations/mail/mailer';
import type { App, AppDeps } from '../app-deps';
import { actorOf, fetchHeaders, forwardCookies } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 429: errorBody };
const admin = { config: { access: 'admin.leads' as const } };

export function leadRoutes(app: App, { database, config }: AppDeps, findSession: FindSession, mailer: Mailer): void {
  app.post(
    '/api/leads',
    {
      config: { access: 'public' },
      schema: { tags: ['leads'], body: createLeadBody, response: { 201: okBody, ...errors } },
    },
    async (request, reply) => {
      // Public, but a signed-in requester is remembered on the lead so sales can see who it is.
      let userId: string | null = null;
      if (request.headers.cookie) {
        const lookup = await findSession(request.headers.cookie, () => fetchHeaders(request));
        if (lookup.kind !== 'none') forwardCookies(reply, lookup.setCookies);
        if (lookup.kind === 'active') userId = lookup.user.id;
      }
      await createLead(
        { db: database.db, mailer, appUrl: config.appUrl, log: request.log },
        { body: request.body, ip: request.ip, userId },
      );
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.get(
    '/api/admin/leads',
    { ...admin, schema: { tags: ['admin'], querystring: leadQuery, response: { 200: leadPage, ...errors } } },
    async (request) => listLeads(database.db, request.query),
  );

  app.patch(
    '/api/admin/leads/:id',
    {
      ...admin,
      schema: { tags: ['admin'], params: leadIdParams, body: updateLeadBody, response: { 200: leadBody, ...errors } },
    },
    async (request) => ({
      lead: await updateLead(database.db, { actor: actorOf(request), leadId: request.params.id, changes: request.body }),
    }),
  );
}
