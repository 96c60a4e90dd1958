import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { markAllReadBody, notification, notificationIdParams, notificationPage, notificationQuery } from '../../../contracts/notifications';
import { listNotifications } from '../../features/notifications/list-notifications';
import { markAllNotificationsRead } from '../../features/notifications/mark-all-notifications-read';
import { markNotificationRead } from '../../features/notifications/mark-notification-read';
import { requireUser } from '../access-guard';
import type { App, AppDeps } from '../app-deps';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };
// Every signed-in person has notifications, so they live with the always-available Account page.
const signedIn = { config: { access: 'account' as const } };
const emptyBody = z.strictObject({}).nullish();

export function notificationRoutes(app: App, { database }: AppDeps): void {
  app.get(
    '/api/notifications',
    { ...signedIn, schema: { tags: ['notifications'], querystring: notificationQuery, response: { 200: notificationPage, ...errors } } },
    async (request) => listNotifications(database.db, { userId: requireUser(request).id, ...request.query }),
  );

  app.post(
    '/api/notifications/read-all',
    { ...signedIn, schema: { tags: ['notifications'], body: emptyBody, response: { 200: markAllReadBody, ...errors } } },
    async (request) => ({ ok: true as const, updated: await markAllNotificationsRead(database.db, { userId: requireUser(request).id }) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      ...signedIn,
      schema: {
        tags: ['notifications'],
        params: notificationIdParams,
        body: emptyBody,
        response: { 200: z.object({ notification }), ...errors },
      },
    },
    async (request) => ({
      notification: await markNotificationRead(database.db, { userId: requireUser(request).id, id: request.params.id }),
    }),
  );
}
