import { changePasswordBody, meBody, updateMeBody } from '../../../contracts/auth';
import { okBody } from '../../../contracts/common';
import { errorBody } from '../../../contracts/errors';
import { changeMyPassword } from '../../features/account/change-my-password';
import { describeMe } from '../../features/account/describe-me';
import { updateMyName } from '../../features/account/update-my-name';
import { requireUser } from '../access-guard';
import type { App, AppDeps } from '../app-deps';
import { fetchHeaders, forwardCookies } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };

export function meRoutes(app: App, { auth, database }: AppDeps): void {
  app.get(
    '/api/me',
    { config: { access: 'account' }, schema: { tags: ['account'], response: { 200: meBody, ...errors } } },
    async (request) => describeMe(requireUser(request)),
  );

  app.patch(
    '/api/me',
    {
      config: { access: 'account' },
      schema: { tags: ['account'], body: updateMeBody, response: { 200: meBody, ...errors } },
    },
    async (request) => describeMe(await updateMyName(database.db, requireUser(request), request.body.name)),
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'account' },
      schema: { tags: ['account'], body: changePasswordBody, response: { 200: okBody, ...errors } },
    },
    async (request, reply) => {
      requireUser(request);
      forwardCookies(reply, await changeMyPassword(auth, fetchHeaders(request), request.body));
      return { ok: true as const };
    },
  );
}
