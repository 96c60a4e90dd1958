import { createHmac, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../../../domain/access';
import {
  CURRENT_SUBSCRIPTION_COLUMNS,
  CURRENT_SUBSCRIPTION_JOIN,
  loadCurrentSubscription,
  toCurrentSubscription,
  type CurrentSubscription,
} from '../access/current-subscription';
import type { Auth } from './better-auth';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_REFRESH_SECONDS } from './better-auth';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  banned: boolean;
  createdAt: Date;
  /** The current subscription with its plan and overrides, which decide the effective pages and limits. */
  subscription: CurrentSubscription | null;
}

export type SessionLookup =
  | { kind: 'none' }
  | { kind: 'active'; user: SessionUser; sessionId: string; setCookies: string[] }
  // The session existed but may not be used: it has been destroyed and these cookies clear it in the browser.
  | { kind: 'ended'; reason: 'banned' | 'expired'; setCookies: string[] };

/** `headers` is only built when better-auth has to be asked: the common case needs the cookie alone. */
export type FindSession = (cookieHeader: string | undefined, headers: () => Headers) => Promise<SessionLookup>;

/**
 * Reads the session of a request. A banned owner's session is destroyed on its very next request
 * (QUALITY S1), and so is one older than the absolute lifetime (S4) — the idle lifetime is better-auth's own.
 *
 * Hot path (decision 007): a valid signed cookie whose session needs no refresh is answered with one indexed
 * query. Every other case — no row, expired, due for its sliding refresh — goes through better-auth's
 * getSession, which deletes, refreshes and re-sets cookies exactly as it always does.
 */
export async function createSessionFinder({ auth, pool, secret }: { auth: Auth; pool: pg.Pool; secret: string }): Promise<FindSession> {
  const cookieName = (await auth.$context).authCookies.sessionToken.name;

  const viaBetterAuth = async (headers: Headers): Promise<SessionLookup> => {
    const { headers: outHeaders, response } = await auth.api.getSession({ headers, returnHeaders: true });
    if (!response) return { kind: 'none' };
    const { session, user } = response;
    const person: SessionUser = {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role === 'admin' ? 'admin' : 'user',
      banned: user.banned === true,
      createdAt: new Date(user.createdAt),
      subscription: await loadCurrentSubscription(pool, user.id),
    };
    return settle(headers, person, session.id, new Date(session.createdAt), outHeaders.getSetCookie());
  };

  const settle = async (
    headers: Headers | (() => Headers),
    user: SessionUser,
    sessionId: string,
    sessionCreatedAt: Date,
    setCookies: string[],
  ): Promise<SessionLookup> => {
    const ageSeconds = (Date.now() - sessionCreatedAt.getTime()) / 1000;
    if (user.banned || ageSeconds > SESSION_ABSOLUTE_SECONDS) {
      const signOut = await auth.api.signOut({
        headers: typeof headers === 'function' ? headers() : headers,
        returnHeaders: true,
      });
      return { kind: 'ended', reason: user.banned ? 'banned' : 'expired', setCookies: signOut.headers.getSetCookie() };
    }
    return { kind: 'active', user, sessionId, setCookies };
  };

  return async (cookieHeader, headers) => {
    const token = readSignedToken(cookieHeader, cookieName, secret);
    if (token === null) return { kind: 'none' };
    const row = await findSessionRow(pool, token);
    const now = Date.now();
    const refreshDueAt = row ? row.expiresAt.getTime() - (SESSION_IDLE_SECONDS - SESSION_REFRESH_SECONDS) * 1000 : 0;
    if (!row || row.expiresAt.getTime() <= now || refreshDueAt <= now) return viaBetterAuth(headers());
    return settle(headers, row.user, row.sessionId, row.sessionCreatedAt, []);
  };
}

interface SessionRow {
  sessionId: string;
  expiresAt: Date;
  sessionCreatedAt: Date;
  user: SessionUser;
}

// Runs on every signed-in request (QUALITY P1): a named statement, so PostgreSQL parses and plans it once per
// connection, and no query builder in between.
const FIND_SESSION_SQL = `
  SELECT ss.id, ss.expires_at, ss.created_at AS session_created_at,
         u.id AS user_id, u.name, u.email, u.role, u.banned, u.created_at AS user_created_at,
         ${CURRENT_SUBSCRIPTION_COLUMNS}
  FROM sessions ss JOIN users u ON u.id = ss.user_id
  ${CURRENT_SUBSCRIPTION_JOIN}
  WHERE ss.token = $1`;

async function findSessionRow(pool: pg.Pool, token: string): Promise<SessionRow | null> {
  const { rows } = await pool.query({ name: 'find-session-by-token', text: FIND_SESSION_SQL, values: [token] });
  const row = rows[0];
  if (!row) return null;
  return {
    sessionId: row.id,
    expiresAt: row.expires_at,
    sessionCreatedAt: row.session_created_at,
    user: {
      id: row.user_id,
      name: row.name,
      email: row.email,
      role: row.role === 'admin' ? 'admin' : 'user',
      banned: row.banned,
      createdAt: row.user_created_at,
      subscription: toCurrentSubscription(row),
    },
  };
}

/** better-call's signed cookie: encodeURIComponent(`${token}.${base64(HMAC-SHA256(secret, token))}`). */
function readSignedToken(cookieHeader: string | undefined, name: string, secret: string): string | null {
  if (!cookieHeader) return null;
  let raw: string | undefined;
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) raw = part.slice(at + 1).trim();
  }
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : null;
}
