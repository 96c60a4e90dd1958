import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin } from 'better-auth/plugins';
import { MESSAGES } from '../../../contracts/errors';
import type { Db } from '../../db/connect';
import * as schema from '../../db/schema/index';

// Session lifetimes (QUALITY S4, docs/decisions/003-sessions.md): a session not used for IDLE_SECONDS ends;
// none lives longer than ABSOLUTE_SECONDS, however active.
export const SESSION_IDLE_SECONDS = 3 * 24 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_REFRESH_SECONDS = 60 * 60;

export interface AuthOptions {
  db: Db;
  appUrl: string;
  secret: string;
}

export function createAuth({ db, appUrl, secret }: AuthOptions) {
  return betterAuth({
    appName: 'OmniPlus WA Tracker',
    baseURL: appUrl,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(db, { provider: 'pg', schema, usePlural: true }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: SESSION_IDLE_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
    // Throttling is ours and lives in PostgreSQL so that every process shares it (sign-in-throttle.ts).
    rateLimit: { enabled: false },
    trustedOrigins: [appUrl],
    telemetry: { enabled: false },
    logger: { disabled: true },
    advanced: {
      cookiePrefix: 'omniplus',
      useSecureCookies: appUrl.startsWith('https://'),
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true, path: '/' },
    },
    plugins: [admin({ defaultRole: 'user', adminRoles: ['admin'], bannedUserMessage: MESSAGES.accountSuspended })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
