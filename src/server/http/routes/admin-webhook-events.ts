import { emptyBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import { replayWebhookEventReply, webhookEventPage, webhookEventParams, webhookEventQuery } from '../../../contracts/webhook-events';
import { listWebhookEvents } from '../../features/webhook-events/list-webhook-events';
import { replayWebhookEvent } from '../../features/webhook-events/replay-webhook-event';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 503: errorBody };
const admin = { config: { access: 'admin.settings' as const } };
const tags = ['admin'];

/** Admin → Settings → Webhooks (QUALITY W4): stored webhook events by state, and replay of a dead-lettered one. */
export function adminWebhookEventRoutes(app: App, { services }: AppDeps): void {
  app.get(
    '/api/admin/webhook-events',
    { ...admin, schema: { tags, querystring: webhookEventQuery, response: { 200: webhookEventPage, ...errors } } },
    async (request) => listWebhookEvents(services.db, request.query),
  );

  app.post(
    '/api/admin/webhook-events/:id/replay',
    {
      ...admin,
      schema: { tags, params: webhookEventParams, body: emptyBody, response: { 200: replayWebhookEventReply, ...errors } },
    },
    async (request) => ({ event: await replayWebhookEvent(services, actorOf(request), request.params.id) }),
  );
}
