import { createHash } from 'node:crypto';
import type { PayPalHttp } from './http';
import { wireToken } from './schemas';

// OAuth2 client credentials (NOTES §1). Minting a token per request is a PayPal rate-limit trigger, and the server
// builds a client per request from the stored settings, so tokens live here, per process, keyed by a hash of base
// URL + client id + secret (never the secret itself). Concurrent callers share one in-flight request.

/** Refresh this early: 10% of the lifetime, at most 5 minutes, so a token never expires mid-call. */
const MAX_SAFETY_MARGIN_S = 300;
const SAFETY_SHARE = 0.1;

interface Token {
  value: string;
  /** Our clock (ms) after which we stop using it. */
  refreshAt: number;
}

interface Slot {
  token: Token | null;
  inFlight: Promise<Token> | null;
}

const slots = new Map<string, Slot>();

/** Tests only: forget every cached token. */
export function resetPayPalTokenCache(): void {
  slots.clear();
}

export interface AccessTokens {
  /** A valid token, from the cache or from one shared request. */
  get(): Promise<string>;
  /** PayPal refused this token (401): forget it, unless another caller has already replaced it. */
  drop(token: string): void;
  /** Everything that must never appear in our text: the credentials and the cached token (QUALITY K2). */
  secrets(): string[];
}

export interface AccessTokenOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  now: () => number;
}

export function accessTokens(http: PayPalHttp, options: AccessTokenOptions): AccessTokens {
  const key = createHash('sha256')
    .update(JSON.stringify([options.baseUrl.replace(/\/+$/, ''), options.clientId, options.clientSecret]))
    .digest('hex');
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');

  const slot = (): Slot => {
    let found = slots.get(key);
    if (!found) {
      found = { token: null, inFlight: null };
      slots.set(key, found);
    }
    return found;
  };

  async function mint(): Promise<Token> {
    const operation = 'POST /v1/oauth2/token';
    const requestedAt = options.now(); // count the lifetime from before the request, to stay on the safe side
    const reply = await http.send({
      method: 'POST',
      path: '/v1/oauth2/token',
      operation,
      authorization: `Basic ${basic}`,
      body: { contentType: 'application/x-www-form-urlencoded', text: 'grant_type=client_credentials' },
      // Minting twice is harmless; only the last token is kept.
      retry: true,
    });
    const token = http.parse(wireToken, reply, operation);
    const margin = Math.min(MAX_SAFETY_MARGIN_S, token.expires_in * SAFETY_SHARE);
    return { value: token.access_token, refreshAt: requestedAt + (token.expires_in - margin) * 1000 };
  }

  return {
    get() {
      const current = slot();
      if (current.token && options.now() < current.token.refreshAt) return Promise.resolve(current.token.value);
      // Set synchronously, before any await, so every concurrent caller finds the same request.
      current.inFlight ??= mint()
        .then((token) => {
          current.token = token;
          return token;
        })
        .finally(() => {
          current.inFlight = null;
        });
      return current.inFlight.then((token) => token.value);
    },
    drop(token) {
      const current = slots.get(key);
      if (current?.token?.value === token) current.token = null;
    },
    secrets() {
      const token = slots.get(key)?.token?.value;
      return [options.clientSecret, basic, options.clientId, ...(token ? [token] : [])];
    },
  };
}
