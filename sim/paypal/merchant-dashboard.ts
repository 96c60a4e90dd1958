/**
 * What a merchant does once in PayPal's own dashboard, done against the simulator over HTTP: get a token, seed a
 * billing plan, register a webhook. Used by the demo seed, the tests and the benchmarks (never by product code).
 */
export interface PayPalAccount {
  url: string;
  clientId: string;
  clientSecret: string;
}

export interface SeedPlanInput {
  name: string;
  price: string;
  currency?: string;
  interval_unit?: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
  interval_count?: number;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: the PayPal simulator answered ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function merchantToken(account: PayPalAccount): Promise<string> {
  const reply = await fetch(`${account.url}/v1/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${account.clientId}:${account.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  return (await json<{ access_token: string }>(reply, 'token')).access_token;
}

/** A billing plan (ACTIVE), through the simulator's control endpoint; returns its `P-…` id. */
export async function seedMerchantPlan(account: Pick<PayPalAccount, 'url'>, plan: SeedPlanInput): Promise<string> {
  const reply = await fetch(`${account.url}/__sim/plans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ interval_unit: 'MONTH', interval_count: 1, ...plan }),
  });
  return (await json<{ id: string }>(reply, 'seed plan')).id;
}

/** A webhook for every event type pointing at `webhookUrl`; returns PayPal's webhook id. */
export async function registerMerchantWebhook(account: PayPalAccount, webhookUrl: string): Promise<string> {
  const reply = await fetch(`${account.url}/v1/notifications/webhooks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await merchantToken(account)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: webhookUrl, event_types: [{ name: '*' }] }),
  });
  return (await json<{ id: string }>(reply, 'create webhook')).id;
}
