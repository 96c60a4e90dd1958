import { afterAll } from 'vitest';
import { startPayPalSimulator, type PayPalSimulator } from '../../sim/paypal/index';
import { merchantToken, registerMerchantWebhook, seedMerchantPlan } from '../../sim/paypal/merchant-dashboard';

// Control and REST replies are read loosely: each test states the fields it relies on.
type Reply = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The PayPal simulator over real HTTP, with the calls tests make as "PayPal's dashboard" and as the buyer. */
export interface PayPalSimHarness {
  sim: PayPalSimulator;
  /** A control call (`/__sim/…`); throws on a non-2xx answer. */
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Reply>;
  /** A REST call with a fresh bearer token, as the merchant's dashboard would make it. */
  rest(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: Reply }>;
  seedPlan(body: { name: string; price?: string; interval_unit?: 'DAY' | 'WEEK' | 'MONTH' | 'YEAR'; interval_count?: number }): Promise<string>;
  registerWebhook(url: string): Promise<string>;
}

export async function startPayPalSim(): Promise<PayPalSimHarness> {
  const sim = await startPayPalSimulator({ port: 0 });
  afterAll(() => sim.close());
  const call = async (method: string, path: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const harness: PayPalSimHarness = {
    sim,
    async control(method, path, body) {
      const { status, body: reply } = await call(method, path, body, {});
      if (status >= 300) throw new Error(`${method} ${path} → ${status} ${JSON.stringify(reply)}`);
      return reply;
    },
    async rest(method, path, body) {
      return call(method, path, body, { authorization: `Bearer ${await merchantToken(sim)}` });
    },
    seedPlan: ({ name, price = '19.00', interval_unit = 'MONTH', interval_count = 1 }) =>
      seedMerchantPlan(sim, { name, price, interval_unit, interval_count }),
    registerWebhook: (url) => registerMerchantWebhook(sim, url),
  };
  return harness;
}
