import { newAccessToken } from './ids';

/** Access tokens minted by POST /v1/oauth2/token. Every successful request mints a new token and is counted, so a
 *  test can prove a client reuses its token instead of asking per call (NOTES §1 "Don't"). */
export interface TokenStore {
  mint(now: number, ttlSeconds: number): string;
  isValid(token: string, now: number): boolean;
  /** every token issued so far stops working at once (POST /__sim/tokens/expire) */
  expireAll(now: number): number;
  /** successful token requests since start or the last reset */
  minted(): number;
  active(now: number): number;
  resetCount(): void;
}

export function createTokenStore(): TokenStore {
  const expiry = new Map<string, number>();
  let minted = 0;
  return {
    mint(now, ttlSeconds) {
      const token = newAccessToken();
      expiry.set(token, now + ttlSeconds * 1000);
      minted += 1;
      return token;
    },
    isValid(token, now) {
      const until = expiry.get(token);
      return until !== undefined && now < until;
    },
    expireAll(now) {
      let expired = 0;
      for (const [token, until] of expiry) {
        if (until > now) expired += 1;
        expiry.set(token, now);
      }
      return expired;
    },
    minted: () => minted,
    active: (now) => [...expiry.values()].filter((until) => until > now).length,
    resetCount() {
      minted = 0;
    },
  };
}
