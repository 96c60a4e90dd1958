import { afterAll, expect } from 'vitest';
import { startWhapiSimulator } from '../../sim/whapi/index';
import type { PlanInput } from '../../src/contracts/plans';
import { findFreePort } from '../../src/server/db/embedded';
import { changeMainBalance } from '../../src/server/features/balances/change-main-balance';
import { channelDeps } from '../../src/server/features/channels/channel-deps';
import { resetWhapiCircuitBreakers } from '../../src/server/integrations/whapi/index';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';
import { createPlanAs } from './plan-fixtures';

// The channel tests share this: the real app on a real port (so the simulator's webhooks reach it), with jobs
// (run by hand through runNow), against the WHAPI simulator, with WHAPI configured by the admin API.

export type Harness = Awaited<ReturnType<typeof startChannelHarness>>;

export async function startChannelHarness(options: { initialDays?: number; configure?: boolean } = {}) {
  const port = await findFreePort();
  const sim = await startWhapiSimulator({ partnerName: 'omniplus', initialDays: options.initialDays ?? 1_000_000 });
  const origin = `http://127.0.0.1:${port}`;
  const testApp = await startTestApp({
    jobs: true,
    env: { APP_URL: origin, WHAPI_PARTNER_URL: sim.url, WHAPI_GATE_URL: sim.url, ...(process.env.DEBUG_CHANNELS ? { LOG_LEVEL: 'error' } : {}) },
  });
  await testApp.app.listen({ port, host: '127.0.0.1' });
  afterAll(() => sim.close());
  const pool = testApp.database.pool;
  const admin = await signUpAdmin(testApp);

  const simCall = async (method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  const plans = new Map<string, string>();
  async function planFor(limits: Partial<PlanInput['limits']>, billingPeriod: PlanInput['billingPeriod'] = 'monthly'): Promise<string> {
    const key = JSON.stringify({ limits, billingPeriod });
    if (!plans.has(key)) {
      const plan = await createPlanAs(admin.client, { billingPeriod, limits: { daily: 200, bulk: 1000, channels: 1, chatbots: 1, ...limits } }, 'published');
      plans.set(key, plan.id);
    }
    return plans.get(key)!;
  }

  const h = {
    sim,
    testApp,
    pool,
    admin,
    origin,
    deps: () => channelDeps(testApp.services),
    simCall,
    simState: async () => (await simCall('GET', '/__sim/state')).body,
    simChannel: async (ref: string) => ((await simCall('GET', '/__sim/state')).body.channels as { id: string }[]).find((c) => c.id === ref) as
      | (Record<string, unknown> & { activeTill: number; mode: string; billing: unknown; settings: { webhooks: { url: string; events: unknown[] }[] } })
      | undefined,
    fault: async (fault: Record<string, unknown>) => expect((await simCall('POST', '/__sim/faults', fault)).status).toBe(200),
    clearFaults: async () => {
      await simCall('DELETE', '/__sim/faults');
      resetWhapiCircuitBreakers();
    },

    async configureWhapi() {
      const call = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
        admin.client.request(method, url, body ?? (method === 'GET' ? undefined : {}));
      await call('PATCH', '/api/admin/settings/whapi', { partnerToken: sim.partnerToken, partnerName: sim.partnerName });
      const { projects } = (await call('GET', '/api/admin/settings/whapi/projects')).json();
      const project = projects.find((p: { isDefault: boolean }) => p.isDefault);
      expect((await call('PATCH', '/api/admin/settings/whapi', { projectId: project.id })).statusCode).toBe(200);
    },

    /** A signed-up user on a plan with `days` of service left (days ≤ 0: expired). */
    async userWithPlan(options: { channels?: number; days?: number; billingPeriod?: PlanInput['billingPeriod']; name?: string } = {}) {
      const user = await signUpUser(testApp.app, { origin, name: options.name ?? 'Channel Owner' });
      const planId = await planFor({ channels: options.channels ?? 3 }, options.billingPeriod ?? 'monthly');
      const days = options.days ?? 30;
      await pool.query(
        `INSERT INTO subscriptions (user_id, plan_id, status, payment_method, service_ends_at, days_total, is_current)
         VALUES ($1, $2, 'active', 'admin', now() + make_interval(secs => $3::double precision * 86400), $4, true)`,
        [user.id, planId, days, Math.max(days, 0)],
      );
      return user;
    },

    async topUp(days: number) {
      await testApp.database.db.transaction((tx) => changeMainBalance(tx, { type: 'topup', days, actorId: null, note: 'test top-up' }));
    },
    async mainBalance(): Promise<number> {
      return (await pool.query(`SELECT days FROM main_balance WHERE id = 1`)).rows[0].days;
    },
    /** Proof that the main balance equals its ledger (DOMAIN.md "Ledger"). */
    async ledgerSum(): Promise<number> {
      const { rows } = await pool.query(`
        SELECT coalesce(sum(CASE type WHEN 'allocate' THEN -days ELSE days END), 0)::int AS sum
        FROM balance_transactions WHERE type IN ('topup', 'allocate', 'refund', 'sync')`);
      return rows[0].sum;
    },

    /** Admin creates a channel for the user through the API; returns the admin view. */
    async createChannel(userId: string, name = 'Sales line', phone = '+97336123456') {
      const response = await admin.client.post('/api/admin/channels', { userId, name, phone });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().channel as { id: string; channelRef: string; status: string; authStatus: string };
    },
    async channelRow(id: string) {
      return (await pool.query(`SELECT * FROM channels WHERE id = $1`, [id])).rows[0];
    },
    async extend(channelId: string, days: number, headers: Record<string, string> = {}) {
      return admin.client.request('POST', `/api/admin/channels/${channelId}/extend`, { days }, headers);
    },
  };
  if (options.configure !== false) await h.configureWhapi();
  return h;
}
