import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './test-support/scenario';

let s: Scenario;
const TTL = 60;

beforeAll(async () => {
  s = await startScenario({ clientId: 'client-abc', clientSecret: 'secret-xyz', tokenTtlSeconds: TTL });
});
afterAll(() => s.sim.close());
beforeEach(async () => {
  await s.reset();
  s.client.forgetToken();
});
afterEach(async () => expect(await s.specProblems()).toEqual([]));

const requestToken = (id = 'client-abc', secret = 'secret-xyz', form: Record<string, string> = { grant_type: 'client_credentials' }) =>
  s.client.call('POST', '/v1/oauth2/token', { basic: { id, secret }, form });

describe('POST /v1/oauth2/token', () => {
  it('mints a bearer token for the right client id and secret', async () => {
    const minted = await requestToken();
    expect(minted.status).toBe(200);
    expect(minted.body).toEqual({
      scope: expect.stringContaining('https://uri.paypal.com/services/subscriptions'),
      access_token: expect.stringMatching(/^A21AA[\w-]{60,}$/),
      token_type: 'Bearer',
      app_id: expect.stringMatching(/^APP-[A-Z0-9]{17}$/),
      expires_in: TTL,
      nonce: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ[\w-]{43}$/),
    });
    expect(minted.headers.get('paypal-debug-id')).toMatch(/^[0-9a-f]{13}$/);
  });

  it('refuses bad or missing credentials in OAuth shape, not the REST error shape', async () => {
    const invalid = { error: 'invalid_client', error_description: 'Client Authentication failed' };
    expect((await requestToken('client-abc', 'wrong')).body).toEqual(invalid);
    expect((await requestToken('someone', 'secret-xyz')).status).toBe(401);
    const anonymous = await s.client.call('POST', '/v1/oauth2/token', { form: { grant_type: 'client_credentials' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(invalid);
  });

  it('wants grant_type=client_credentials in a form body', async () => {
    expect((await requestToken('client-abc', 'secret-xyz', {})).body).toEqual({ error: 'unsupported_grant_type', error_description: 'Grant Type is NULL' });
    expect((await requestToken('client-abc', 'secret-xyz', { grant_type: 'password' })).status).toBe(400);
    const json = await s.client.call('POST', '/v1/oauth2/token', { basic: { id: 'client-abc', secret: 'secret-xyz' }, body: { grant_type: 'client_credentials' } });
    expect(json.status).toBe(400);
  });

  it('counts the tokens minted, so a test can prove its client caches one', async () => {
    await requestToken();
    await requestToken();
    expect((await s.state()).tokensMinted).toBe(2);
    await s.client.api('GET', '/v1/notifications/webhooks');
    await s.client.api('GET', '/v1/notifications/webhooks');
    expect((await s.state()).tokensMinted).toBe(3);
  });
});

describe('bearer tokens on the REST API', () => {
  it('answers 401 AUTHENTICATION_FAILURE without a token or with an unknown one', async () => {
    for (const token of [undefined, 'A21AAnot-a-real-token']) {
      const refused = await s.client.call('GET', '/v1/billing/plans/P-UNKNOWN', { token });
      expect(refused.status).toBe(401);
      expect(refused.body).toMatchObject({
        name: 'AUTHENTICATION_FAILURE',
        message: 'Authentication failed due to missing authorization header, or invalid authentication credentials.',
        debug_id: expect.any(String),
        details: [],
        links: [expect.objectContaining({ rel: 'information_link' })],
      });
    }
  });

  it('expires tokens after expires_in seconds of sim time', async () => {
    const token = await s.client.token();
    expect((await s.client.call('GET', '/v1/notifications/webhooks', { token })).status).toBe(200);
    await s.client.control('POST', '/__sim/clock', { advanceMs: (TTL - 1) * 1000 });
    expect((await s.client.call('GET', '/v1/notifications/webhooks', { token })).status).toBe(200);
    await s.client.control('POST', '/__sim/clock', { advanceMs: 1000 });
    expect((await s.client.call('GET', '/v1/notifications/webhooks', { token })).status).toBe(401);
  });

  it('expires every token at once on /__sim/tokens/expire, and a new token works again', async () => {
    const token = await s.client.token();
    // tokens of earlier tests survive resets, so there may be more than ours
    expect((await s.client.control('POST', '/__sim/tokens/expire')).body.expired).toBeGreaterThanOrEqual(1);
    expect((await s.client.call('GET', '/v1/notifications/webhooks', { token })).status).toBe(401);
    s.client.forgetToken();
    expect((await s.client.api('GET', '/v1/notifications/webhooks')).status).toBe(200);
    expect((await s.state()).tokensActive).toBe(1);
  });

  it('keeps issued tokens valid across a reset', async () => {
    const token = await s.client.token();
    await s.reset();
    expect((await s.client.call('GET', '/v1/notifications/webhooks', { token })).status).toBe(200);
    expect((await s.state()).tokensMinted).toBe(0);
  });

  it('can be made to fail the token endpoint itself', async () => {
    await s.client.control('POST', '/__sim/faults', { path: '/v1/oauth2/token', status: 401, times: 1 });
    expect((await requestToken()).body).toEqual({ error: 'invalid_client', error_description: 'Client Authentication failed' });
    expect((await requestToken()).status).toBe(200);
  });
});
