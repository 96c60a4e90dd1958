import { adminUserBody, banBody, overridesBody, overridesResponse, setRoleBody, unbanBody, userIdParams } from '../../../contracts/admin-users';
import { errorBody } from '../../../contracts/errors';
import { banUser } from '../../features/users/ban-user';
import { setUserOverrides } from '../../features/users/set-user-overrides';
import { setUserRole } from '../../features/users/set-user-role';
import { unbanUser } from '../../features/users/unban-user';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

export function adminUserRoutes(app: App, { database }: AppDeps): void {
  app.post(
    '/api/admin/users/:id/ban',
    {
      config: { access: 'admin.users' },
      schema: { tags: ['admin'], params: userIdParams, body: banBody, response: { 200: adminUserBody, ...errors } },
    },
    async (request) => ({
      user: await banUser(database.db, { actor: actorOf(request), userId: request.params.id, reason: request.body.reason }),
    }),
  );

  app.post(
    '/api/admin/users/:id/unban',
    {
      config: { access: 'admin.users' },
      schema: { tags: ['admin'], params: userIdParams, body: unbanBody, response: { 200: adminUserBody, ...errors } },
    },
    async (request) => ({ user: await unbanUser(database.db, { actor: actorOf(request), userId: request.params.id }) }),
  );

  app.put(
    '/api/admin/users/:id/role',
    {
      config: { access: 'admin.users' },
      schema: { tags: ['admin'], params: userIdParams, body: setRoleBody, response: { 200: adminUserBody, ...errors } },
    },
    async (request) => ({
      user: await setUserRole(database.db, { actor: actorOf(request), userId: request.params.id, role: request.body.role }),
    }),
  );

  app.patch(
    '/api/admin/users/:id/overrides',
    {
      config: { access: 'admin.users' },
      schema: { tags: ['admin'], params: userIdParams, body: overridesBody, response: { 200: overridesResponse, ...errors } },
    },
    async (request) => ({
      overrides: await setUserOverrides(database.db, actorOf(request), request.params.id, request.body),
    }),
  );
}
