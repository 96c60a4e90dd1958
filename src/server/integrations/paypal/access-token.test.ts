import { describe, expect, it } from 'vitest';
import { paypalHarness } from './test-support/harness';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  SUBSCRIPTION_ID,
  TOKEN_ROUTE,
  invalidClient,
  paypalError,
  serverError,
  subscriptionSample,
  tokenReply,
} from './test-support/paypal-samples';
import { delayed, failure, type Scripted } from './test-support/scripted-server';

// NOTES §1: client credentials, reuse until expiry, a 401 means "refresh and retry once"; minting per request is a
// rate-limit trigger, and the server builds a client per request, so the cache must outlive client objects.

const { server, client } = await paypalHarness();

const GET_SUB = `GET /v1/billing/subscriptions/${SUBSCRIPTION_ID}`;
const ok: Scripted = { status: 200, body: subscriptionSample() };
const expired = paypalError(401, 'AUTHENTICATION_FAILURE', 'Authentication failed due to invalid authentication credentials or a missing Authorization header.');
const bearerOf = (route: string) => server.seen(route).map((r) => r.headers.authorization);

describe('minting', () => {
  it('asks with Basic credentials and a form body, as PayPal documents', async () => {
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one'));
    expect(await client().getAccessToken()).toBe('A21AAtoken-one');
    const [request] = server.seen(TOKEN_ROUTE);
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`);
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.rawBody).toBe('grant_type=client_credentials');
  });

  it('mints one token for many calls, and for new client objects with the same credentials', async () => {
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one'), tokenReply('A21AAtoken-two'));
    server.on(GET_SUB, ok);
    const first = client();
    await first.getSubscription(SUBSCRIPTION_ID);
    await first.getSubscription(SUBSCRIPTION_ID);
    await client().getSubscription(SUBSCRIPTION_ID); // what a request handler does: a new client from the settings
    await client({ baseUrl: `${server.url}/` }).getAccessToken(); // a trailing slash is the same base URL
    expect(server.hits(TOKEN_ROUTE)).toBe(1);
    expect(bearerOf(GET_SUB)).toEqual(Array(3).fill('Bearer A21AAtoken-one'));
  });

  it('keeps other credentials apart', async () => {
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one'), tokenReply('A21AAtoken-two'));
    expect(await client().getAccessToken()).toBe('A21AAtoken-one');
    expect(await client({ clientSecret: `${CLIENT_SECRET}-rotated` }).getAccessToken()).toBe('A21AAtoken-two');
    expect(await client().getAccessToken()).toBe('A21AAtoken-one');
    expect(server.hits(TOKEN_ROUTE)).toBe(2);
  });

  it('lets concurrent callers share one token request', async () => {
    server.on(TOKEN_ROUTE, delayed(tokenReply('A21AAtoken-one'), 100), tokenReply('A21AAtoken-two'));
    server.on(GET_SUB, ok);
    const results = await Promise.all([
      client().getAccessToken(),
      client().getAccessToken(),
      client().getSubscription(SUBSCRIPTION_ID),
      client().getSubscription(SUBSCRIPTION_ID),
      client().getAccessToken(),
    ]);
    expect(results.filter((r) => typeof r === 'string')).toEqual(Array(3).fill('A21AAtoken-one'));
    expect(server.hits(TOKEN_ROUTE)).toBe(1);
    expect(bearerOf(GET_SUB)).toEqual(Array(2).fill('Bearer A21AAtoken-one'));
  });

  it('does not cache a failure: the next caller asks again', async () => {
    server.on(TOKEN_ROUTE, serverError, tokenReply('A21AAtoken-one'));
    const error = await failure(client({ retry: { retries: 0 } }).getAccessToken());
    expect(error.kind).toBe('unavailable');
    expect(await client().getAccessToken()).toBe('A21AAtoken-one');
    expect(server.hits(TOKEN_ROUTE)).toBe(2);
  });

  it('retries the token call itself on outages', async () => {
    server.on(TOKEN_ROUTE, serverError, tokenReply('A21AAtoken-one'));
    expect(await client().getAccessToken()).toBe('A21AAtoken-one');
    expect(server.hits(TOKEN_ROUTE)).toBe(2);
  });
});

describe('expiry', () => {
  it('uses a token until shortly before expires_in, then mints a new one', async () => {
    let now = 1_000_000;
    const clock = { now: () => now };
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one', 3600), tokenReply('A21AAtoken-two', 3600));
    expect(await client(clock).getAccessToken()).toBe('A21AAtoken-one');
    now += 3290_000; // margin: 10% of the lifetime, at most 5 minutes → refreshed after 3300 s
    expect(await client(clock).getAccessToken()).toBe('A21AAtoken-one');
    now += 20_000;
    expect(await client(clock).getAccessToken()).toBe('A21AAtoken-two');
    expect(server.hits(TOKEN_ROUTE)).toBe(2);
  });

  it('caps the margin at 5 minutes for PayPal’s usual 9-hour tokens', async () => {
    let now = 0;
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one', 32_400), tokenReply('A21AAtoken-two'));
    await client({ now: () => now }).getAccessToken();
    now = (32_400 - 301) * 1000;
    expect(await client({ now: () => now }).getAccessToken()).toBe('A21AAtoken-one');
    now = (32_400 - 299) * 1000;
    expect(await client({ now: () => now }).getAccessToken()).toBe('A21AAtoken-two');
  });
});

describe('401 from an API call', () => {
  it('drops the token, mints a new one and retries the call once', async () => {
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one'), tokenReply('A21AAtoken-two'));
    server.on(GET_SUB, expired, ok);
    const subscription = await client().getSubscription(SUBSCRIPTION_ID);
    expect(subscription.id).toBe(SUBSCRIPTION_ID);
    expect(bearerOf(GET_SUB)).toEqual(['Bearer A21AAtoken-one', 'Bearer A21AAtoken-two']);
    expect(server.hits(TOKEN_ROUTE)).toBe(2);
    expect(await client().getAccessToken()).toBe('A21AAtoken-two'); // the new token is the cached one
  });

  it('gives up after one refresh: kind auth', async () => {
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one'), tokenReply('A21AAtoken-two'), tokenReply('A21AAtoken-three'));
    server.on(GET_SUB, expired);
    const error = await failure(client().getSubscription(SUBSCRIPTION_ID));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.name).toBe('AUTHENTICATION_FAILURE');
    expect(server.hits(GET_SUB)).toBe(2);
    expect(server.hits(TOKEN_ROUTE)).toBe(2);
  });

  it('also refreshes once for calls that are never retried (a 401 means PayPal did nothing)', async () => {
    const cancel = `POST /v1/billing/subscriptions/${SUBSCRIPTION_ID}/cancel`;
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one'), tokenReply('A21AAtoken-two'));
    server.on(cancel, expired, { status: 204 });
    await client().cancelSubscription(SUBSCRIPTION_ID, 'Customer asked');
    expect(bearerOf(cancel)).toEqual(['Bearer A21AAtoken-one', 'Bearer A21AAtoken-two']);
  });

  it('shares one refresh between calls refused at the same time', async () => {
    server.on(TOKEN_ROUTE, tokenReply('A21AAtoken-one'), delayed(tokenReply('A21AAtoken-two'), 50), tokenReply('A21AAtoken-three'));
    server.on(GET_SUB, (request) => (request.headers.authorization === 'Bearer A21AAtoken-one' ? expired : ok));
    await client().getAccessToken();
    await Promise.all([client().getSubscription(SUBSCRIPTION_ID), client().getSubscription(SUBSCRIPTION_ID), client().getSubscription(SUBSCRIPTION_ID)]);
    expect(server.hits(TOKEN_ROUTE)).toBe(2);
    expect(bearerOf(GET_SUB).filter((b) => b === 'Bearer A21AAtoken-two')).toHaveLength(3);
  });
});

describe('refused credentials', () => {
  it('reports the OAuth error as kind auth with PayPal’s name and words, without retrying', async () => {
    server.on(TOKEN_ROUTE, invalidClient);
    server.on(GET_SUB, ok);
    const error = await failure(client().getSubscription(SUBSCRIPTION_ID));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.name).toBe('invalid_client');
    expect(error.description).toBe('Client Authentication failed');
    expect(error.debugId).toBe('f1e2d3c4b5a69');
    expect(error.userMessage).toBe('PayPal did not accept the API credentials: invalid_client — Client Authentication failed.');
    expect(server.hits(TOKEN_ROUTE)).toBe(1);
    expect(server.hits(GET_SUB)).toBe(0);
  });

  it('treats an unreadable token reply as invalid_response', async () => {
    server.on(TOKEN_ROUTE, { status: 200, body: { token_type: 'Bearer', expires_in: 'soon' } });
    const error = await failure(client().getAccessToken());
    expect(error.kind).toBe('invalid_response');
    expect(error.operation).toBe('POST /v1/oauth2/token');
  });
});
