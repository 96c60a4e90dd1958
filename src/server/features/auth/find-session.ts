import type { Role } from '../../../domain/access';
import type { Auth } from './better-auth';
import { SESSION_ABSOLUTE_SECONDS } from './better-auth';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  banned: boolean;
  createdAt: Date;
}

export type SessionLookup =
  | { kind: 'none' }
  | { kind: 'active'; user: SessionUser; sessionId: string; setCookies: string[] }
  // The session existed but may not be used: it has been destroyed and these cookies clear it in the browser.
  | { kind: 'ended'; reason: 'banned' | 'expired'; setCookies: string[] };

/**
 * Reads the session of a request. A banned owner's session is destroyed on its very next request
 * (QUALITY S1), and so is one older than the absolute lifetime (S4) — the idle lifetime is better-auth's own.
 */
export async function findSession(auth: Auth, headers: Headers): Promise<SessionLookup> {
  const { headers: outHeaders, response } = await auth.api.getSession({ headers, returnHeaders: true });
  if (!response) return { kind: 'none' };
  const { session, user } = response;
  const ageSeconds = (Date.now() - new Date(session.createdAt).getTime()) / 1000;
  const banned = user.banned === true;
  if (banned || ageSeconds > SESSION_ABSOLUTE_SECONDS) {
    const signOut = await auth.api.signOut({ headers, returnHeaders: true });
    return { kind: 'ended', reason: banned ? 'banned' : 'expired', setCookies: signOut.headers.getSetCookie() };
  }
  return {
    kind: 'active',
    sessionId: session.id,
    setCookies: outHeaders.getSetCookie(),
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role === 'admin' ? 'admin' : 'user',
      banned,
      createdAt: new Date(user.createdAt),
    },
  };
}
