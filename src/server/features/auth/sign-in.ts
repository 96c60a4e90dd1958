import { eq } from 'drizzle-orm';
import { MESSAGES } from '../../../contracts/errors';
import { AppError } from '../../app-error';
import type { Db } from '../../db/connect';
import { users } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { Auth } from './better-auth';
import { readAuthApiError } from './auth-api-error';
import { chargeSignInAttempt, refundSignInAttempt, throttleKeys } from './sign-in-throttle';

export interface SignInInput {
  auth: Auth;
  db: Db;
  email: string;
  password: string;
  ip: string;
  headers: Headers;
}

export interface SignedIn {
  userId: string;
  setCookies: string[];
}

/**
 * Email + password sign-in. Unknown email and wrong password give the same answer (QUALITY A2: better-auth
 * hashes a dummy password for unknown emails, so the timing matches too); a banned account learns it is
 * suspended only after proving its password.
 */
export async function signIn(input: SignInInput): Promise<SignedIn> {
  const { auth, db, email, password, ip, headers } = input;
  const keys = throttleKeys(email, ip);
  const throttled = await chargeSignInAttempt(db, keys);
  if (throttled) {
    await auditFailure(db, email, ip, 'auth.sign_in_throttled', 'too many attempts');
    throw new AppError('TOO_MANY_ATTEMPTS', MESSAGES.tooManyAttempts, {
      headers: { 'retry-after': String(throttled.retryAfter) },
    });
  }

  try {
    const result = await auth.api.signInEmail({ body: { email, password }, headers, returnHeaders: true });
    await refundSignInAttempt(db, keys);
    return { userId: result.response.user.id, setCookies: result.headers.getSetCookie() };
  } catch (error) {
    const failure = readAuthApiError(error);
    if (failure?.code === 'BANNED_USER') {
      await refundSignInAttempt(db, keys);
      await auditFailure(db, email, ip, 'auth.sign_in_failed', 'account suspended');
      throw new AppError('ACCOUNT_SUSPENDED', MESSAGES.accountSuspended);
    }
    if (failure && failure.statusCode < 500) {
      await auditFailure(db, email, ip, 'auth.sign_in_failed', 'invalid credentials');
      throw new AppError('INVALID_CREDENTIALS', MESSAGES.invalidCredentials);
    }
    throw error;
  }
}

async function auditFailure(
  db: Db,
  email: string,
  ip: string,
  action: 'auth.sign_in_failed' | 'auth.sign_in_throttled',
  reason: string,
): Promise<void> {
  // The target is the account when it exists; the attempted address stays in meta either way.
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  await recordAudit(
    db,
    { userId: null, ip },
    { action, target: { type: 'user', id: user?.id ?? null, label: email }, reason, meta: { email } },
  );
}
