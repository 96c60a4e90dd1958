import {
  adjustDaysBody,
  adjustDaysResponse,
  adminUserBody,
  adminUserDetails,
  adminUsersPage,
  adminUsersQuery,
  banBody,
  createUserBody,
  daysHistoryPage,
  daysHistoryQuery,
  overridesBody,
  overridesResponse,
  setRoleBody,
  subscriptionHistoryBody,
  unbanBody,
  userIdParams,
} from '../../../contracts/admin-users';
import { errorBody } from '../../../contracts/errors';
import { adjustServiceDays } from '../../features/users/adjust-service-days';
import { banUser } from '../../features/users/ban-user';
import { createUser } from '../../features/users/create-user';
import { findUserDetails } from '../../features/users/find-user-details';
import { listUserDaysHistory } from '../../features/users/list-user-days-history';
import { listUserSubscriptions } from '../../features/users/list-user-subscriptions';
import { listUsers } from '../../features/users/list-users';
import { setUserOverrides } from '../../features/users/set-user-overrides';
import { setUserRole } from '../../features/users/set-user-role';
import { unbanUser } from '../../features/users/unban-user';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const usersPage = { config: { access: 'admin.users' as const } };

export function adminUserRoutes(app: App, { database, auth, jobs }: AppDeps): void {
  const { db } = database;

  app.get(
    '/api/admin/users',
    { ...usersPage, schema: { tags: ['admin'], querystring: adminUsersQuery, response: { 200: adminUsersPage, ...errors } } },
    async (request) => listUsers(db, request.query),
  );

  app.post(
    '/api/admin/users',
    { ...usersPage, schema: { tags: ['admin'], body: createUserBody, response: { 201: adminUserBody, ...errors } } },
    async (request, reply) => {
      const user = await createUser({ db, auth }, { actor: actorOf(request), input: request.body });
      return reply.status(201).send({ user });
    },
  );

  app.get(
    '/api/admin/users/:id',
    { ...usersPage, schema: { tags: ['admin'], params: userIdParams, response: { 200: adminUserDetails, ...errors } } },
    async (request) => findUserDetails(db, request.params.id),
  );

  app.get(
    '/api/admin/users/:id/days',
    {
      ...usersPage,
      schema: { tags: ['admin'], params: userIdParams, querystring: daysHistoryQuery, response: { 200: daysHistoryPage, ...errors } },
    },
    async (request) => listUserDaysHistory(db, request.params.id, request.query),
  );

  app.post(
    '/api/admin/users/:id/days',
    {
      ...usersPage,
      schema: { tags: ['admin'], params: userIdParams, body: adjustDaysBody, response: { 200: adjustDaysResponse, ...errors } },
    },
    async (request) => ({
      days: await adjustServiceDays(
        { db, jobs },
        { actor: actorOf(request), userId: request.params.id, delta: request.body.delta, reason: request.body.reason },
      ),
    }),
  );

  app.get(
    '/api/admin/users/:id/subscriptions',
    { ...usersPage, schema: { tags: ['admin'], params: userIdParams, response: { 200: subscriptionHistoryBody, ...errors } } },
    async (request) => ({ subscriptions: await listUserSubscriptions(db, request.params.id) }),
  );

  app.post(
    '/api/admin/users/:id/ban',
    {
      ...usersPage,
      schema: { tags: ['admin'], params: userIdParams, body: banBody, response: { 200: adminUserBody, ...errors } },
    },
    async (request) => ({
      user: await banUser(db, { actor: actorOf(request), userId: request.params.id, reason: request.body.reason }),
    }),
  );

  app.post(
    '/api/admin/users/:id/unban',
    {
      ...usersPage,
      schema: { tags: ['admin'], params: userIdParams, body: unbanBody, response: { 200: adminUserBody, ...errors } },
    },
    async (request) => ({ user: await unbanUser(db, { actor: actorOf(request), userId: request.params.id, jobs }) }),
  );

  app.put(
    '/api/admin/users/:id/role',
    {
      ...usersPage,
      schema: { tags: ['admin'], params: userIdParams, body: setRoleBody, response: { 200: adminUserBody, ...errors } },
    },
    async (request) => ({
      user: await setUserRole(db, { actor: actorOf(request), userId: request.params.id, role: request.body.role }),
    }),
  );

  app.patch(
    '/api/admin/users/:id/overrides',
    {
      ...usersPage,
      schema: { tags: ['admin'], params: userIdParams, body: overridesBody, response: { 200: overridesResponse, ...errors } },
    },
    async (request) => ({
      overrides: await setUserOverrides(db, actorOf(request), request.params.id, request.body),
    }),
  );
}
