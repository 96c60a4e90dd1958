import { z } from 'zod';
import { meBody, signInBody, signUpBody } from '../../../contracts/auth';
import { errorBody } from '../../../contracts/errors';
import { okBody } from '../../../contracts/common';
import { describeMe } from '../../features/account/describe-me';
import type { FindSession } from '../../features/auth/find-session';
import { signIn } from '../../features/auth/sign-in';
import { signOut } from '../../features/auth/sign-out';
import { signUp } from '../../features/auth/sign-up';
import { AppError } from '../../app-error';
import type { App, AppDeps } from '../app-deps';
import { fetchHeaders, forwardCookies } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody, 429: errorBody };

export function authRoutes(app: App, { auth, database }: AppDeps, findSession: FindSession): void {
  app.post(
    '/api/auth/sign-up',
    { config: { access: 'public' }, schema: { tags: ['auth'], body: signUpBody, response: { 201: meBody, ...errors } } },
    async (request, reply) => {
      const { setCookies } = await signUp({ auth, ...request.body, headers: fetchHeaders(request) });
      forwardCookies(reply, setCookies);
      return reply.status(201).send(await meFromCookies(setCookies));
    },
  );

  app.post(
    '/api/auth/sign-in',
    { config: { access: 'public' }, schema: { tags: ['auth'], body: signInBody, response: { 200: meBody, ...errors } } },
    async (request, reply) => {
      const { setCookies } = await signIn({
        auth,
        db: database.db,
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        headers: fetchHeaders(request),
      });
      forwardCookies(reply, setCookies);
      return meFromCookies(setCookies);
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], body: z.strictObject({}).nullish(), response: { 200: okBody, ...errors } },
    },
    async (request, reply) => {
      forwardCookies(reply, await signOut(auth, fetchHeaders(request)));
      return { ok: true as const };
    },
  );

  // The new session lives in the cookies we are about to send; read it back to answer with the person.
  async function meFromCookies(setCookies: string[]) {
    const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    const lookup = await findSession(cookie, () => new Headers({ cookie }));
    if (lookup.kind !== 'active') throw new AppError('INTERNAL', 'The session could not be started.');
    return describeMe(lookup.user);
  }
}
