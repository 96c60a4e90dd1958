import { startPayPalSimulator, type PayPalSimulatorOptions } from '../index';
import { loadSpecBundle } from '../spec-bundle';
import { DEFAULT_SPEC_DIR } from '../spec-loader';
import { createCheckingClient } from './checking-client';

export const RETURN_URL = 'https://app.example.com/billing/return';
export const CANCEL_URL = 'https://app.example.com/billing/cancel';

/** A simulator, a checking client bound to it, and the few steps most tests start from. */
export async function startScenario(options: PayPalSimulatorOptions = {}) {
  const sim = await startPayPalSimulator(options);
  const bundle = await loadSpecBundle(DEFAULT_SPEC_DIR);
  const client = createCheckingClient(sim.url, bundle, sim);

  async function seedPlan(overrides: Record<string, unknown> = {}): Promise<{ id: string }> {
    const seeded = await client.control('POST', '/__sim/plans', { name: 'Pro', price: '10.00', currency: 'USD', interval_unit: 'MONTH', ...overrides });
    if (seeded.status !== 201) throw new Error(`seeding failed: ${seeded.text}`);
    return seeded.body;
  }

  /** POST /v1/billing/subscriptions with return/cancel URLs, asking for the full representation. */
  async function createSubscription(planId: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const body = { plan_id: planId, custom_id: 'user-42', application_context: { return_url: RETURN_URL, cancel_url: CANCEL_URL }, ...extra };
    return client.api('POST', '/v1/billing/subscriptions', body, { prefer: 'return=representation', ...headers });
  }

  /** plan → subscription → buyer approval: an ACTIVE subscription with its first cycle charged */
  async function activeSubscription(planOverrides: Record<string, unknown> = {}) {
    const plan = await seedPlan(planOverrides);
    const created = await createSubscription(plan.id);
    await client.control('POST', `/__sim/subscriptions/${created.body.id}/approve`);
    return (await client.api('GET', `/v1/billing/subscriptions/${created.body.id}`)).body;
  }

  return {
    sim,
    bundle,
    client,
    seedPlan,
    createSubscription,
    activeSubscription,
    state: async () => (await client.control('GET', '/__sim/state')).body,
    /** every response the client saw, and everything the simulator sent (responses, webhooks), matched the spec */
    async specProblems(): Promise<string[]> {
      const { violations } = (await client.control('GET', '/__sim/state')).body as { violations: { where: string; problems: string[] }[] };
      return [...client.problems, ...violations.map((v) => `${v.where}: ${v.problems.join('; ')}`)];
    },
    reset: () => client.control('POST', '/__sim/reset'),
  };
}
export type Scenario = Awaited<ReturnType<typeof startScenario>>;
