import type { Auth } from './better-auth';

/** Deletes the session server-side (QUALITY S4) and returns the cookies that clear it in the browser. */
export async function signOut(auth: Auth, headers: Headers): Promise<string[]> {
  const result = await auth.api.signOut({ headers, returnHeaders: true });
  return result.headers.getSetCookie();
}
