import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, PricingPlan } from '../../src/contracts/plans';
import { signUpAdmin, signUpUser, startTestApp, TestClient } from '../support/test-app';
import { createPlanAs } from './plan-fixtures';

// DOMAIN.md "Pricing and calls to action": which plans each pricing page shows, in what order, with whose CTA.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);

const plans: Record<string, Plan> = {};

beforeAll(async () => {
  // Created out of order on purpose: the pages must follow sort order, not creation time.
  plans.enterprise = await createPlanAs(
    admin.client,
    { name: 'Enterprise', sortOrder: 40, requestType: 'request_quote', monthlyPriceMinor: null, limits: { daily: -1, bulk: -1, channels: -1, chatbots: -1 } },
    'published',
  );
  plans.starter = await createPlanAs(admin.client, { name: 'Starter', sortOrder: 10, visibility: 'both' }, 'published');
  plans.landingOnly = await createPlanAs(
    admin.client,
    { name: 'Demo', sortOrder: 50, visibility: 'landing', requestType: 'book_demo', monthlyPriceMinor: null },
    'published',
  );
  plans.dashboardOnly = await createPlanAs(
    admin.client,
    { name: 'Gulf', sortOrder: 30, visibility: 'dashboard', currency: 'BHD', monthlyPriceMinor: 12500, billingPeriod: 'semi_annual' },
    'published',
  );
  plans.draft = await createPlanAs(admin.client, { name: 'Draft', sortOrder: 5 });
  plans.archived = await createPlanAs(admin.client, { name: 'Old', sortOrder: 6 }, 'archived');
  plans.unpublished = await createPlanAs(admin.client, { name: 'Withdrawn', sortOrder: 7 }, 'published');
  await admin.client.post(`/api/admin/plans/${plans.unpublished.id}/unpublish`);
  plans.business = await createPlanAs(admin.client, { name: 'Business', sortOrder: 20, monthlyPriceMinor: 4900 }, 'published');
});

const names = (list: PricingPlan[]) => list.map((p) => p.name);

async function subscribe(userId: string, planId: string, status: string, overrides: object = {}) {
  await pool.query(`INSERT INTO subscriptions (user_id, plan_id, status, overrides) VALUES ($1, $2, $3, $4)`, [
    userId,
    planId,
    status,
    JSON.stringify(overrides),
  ]);
}

describe('public pricing (landing page)', () => {
  it('shows only published landing/both plans in sort order, to anyone, revalidated on every visit so unpublishing shows at once', async () => {
    const response = await new TestClient(app).get('/api/pricing/public');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    const list: PricingPlan[] = response.json().plans;
    expect(names(list)).toEqual(['Starter', 'Business', 'Enterprise', 'Demo']);
    expect(list.map((p) => p.requestType)).toEqual(['paid', 'paid', 'request_quote', 'book_demo']);
    expect(list.every((p) => !p.isCurrent)).toBe(true);
    expect(list[0]).toEqual({
      id: plans.starter!.id,
      name: 'Starter',
      currency: 'USD',
      monthlyPriceMinor: 1900,
      periodChargeMinor: 1900,
      billingPeriod: 'monthly',
      periodDays: 30,
      requestType: 'paid',
      limits: plans.starter!.limits,
      features: plans.starter!.features,
      isCurrent: false,
    });
    expect(list[2]).toMatchObject({ monthlyPriceMinor: null, periodChargeMinor: null, limits: { daily: -1, bulk: -1 } });
  });

  it('follows the admin: an archived plan leaves the page and a re-ordered one moves', async () => {
    const extra = await createPlanAs(admin.client, { name: 'Flash', sortOrder: 15 }, 'published');
    const visible = async () => names((await new TestClient(app).get('/api/pricing/public')).json().plans);
    expect(await visible()).toEqual(['Starter', 'Flash', 'Business', 'Enterprise', 'Demo']);
    await admin.client.post(`/api/admin/plans/${extra.id}/archive`);
    expect(await visible()).toEqual(['Starter', 'Business', 'Enterprise', 'Demo']);
  });
});

describe('in-app pricing', () => {
  let user: Awaited<ReturnType<typeof signUpUser>>;
  let other: Awaited<ReturnType<typeof signUpUser>>;
  beforeAll(async () => {
    user = await signUpUser(app);
    other = await signUpUser(app);
  });

  it('needs a session', async () => {
    const response = await new TestClient(app).get('/api/pricing');
    expect(response.statusCode).toBe(401);
  });

  it('shows published dashboard/both plans in sort order, with exact BHD charges, none current without a plan', async () => {
    const response = await user.client.get('/api/pricing');
    expect(response.statusCode).toBe(200);
    const list: PricingPlan[] = response.json().plans;
    expect(names(list)).toEqual(['Starter', 'Business', 'Gulf', 'Enterprise']);
    expect(list.find((p) => p.name === 'Gulf')).toMatchObject({
      currency: 'BHD',
      monthlyPriceMinor: 12500,
      periodChargeMinor: 75000,
      periodDays: 180,
    });
    expect(list.every((p) => !p.isCurrent)).toBe(true);
  });

  it("marks the user's current plan, active or pending, and not a past one", async () => {
    await subscribe(user.id, plans.business!.id, 'active');
    const current = async (client: TestClient) =>
      ((await client.get('/api/pricing')).json().plans as PricingPlan[]).filter((p) => p.isCurrent).map((p) => p.name);
    expect(await current(user.client)).toEqual(['Business']);
    expect(await current(other.client)).toEqual([]);

    await pool.query(`UPDATE subscriptions SET is_current = false WHERE user_id = $1`, [user.id]);
    await subscribe(user.id, plans.starter!.id, 'pending');
    expect(await current(user.client)).toEqual(['Starter']);

    await pool.query(`UPDATE subscriptions SET status = 'expired' WHERE user_id = $1 AND is_current`, [user.id]);
    expect(await current(user.client)).toEqual([]);
  });

  it("applies a user's request-type override to every plan they see, and only for them", async () => {
    await subscribe(other.id, plans.starter!.id, 'pending', { requestType: 'request_quote' });
    const types = async (client: TestClient) =>
      Object.fromEntries(((await client.get('/api/pricing')).json().plans as PricingPlan[]).map((p) => [p.name, p.requestType]));
    expect(await types(other.client)).toEqual({
      Starter: 'request_quote',
      Business: 'request_quote',
      Gulf: 'request_quote',
      Enterprise: 'request_quote',
    });
    const third = await signUpUser(app);
    expect(await types(third.client)).toEqual({ Starter: 'paid', Business: 'paid', Gulf: 'paid', Enterprise: 'request_quote' });
    // The override changes what the user sees, never the plan.
    const { rows } = await pool.query(`SELECT request_type FROM plans WHERE id = $1`, [plans.starter!.id]);
    expect(rows[0].request_type).toBe('paid');
  });
});

describe('one plan for checkout', () => {
  it('finds any published plan, also a landing-only one, with the user’s override applied, and 404s the rest', async () => {
    const pool = testApp.database.pool;
    const { rows } = await pool.query(
      `INSERT INTO plans (name, monthly_price_minor, status, visibility, request_type, limit_daily, limit_bulk, limit_channels, limit_chatbots)
       VALUES ('Landing only', 1500, 'published', 'landing', 'paid', 1, 1, 1, 1),
              ('Still a draft', 1500, 'draft', 'both', 'paid', 1, 1, 1, 1) RETURNING id`,
    );
    const [landingOnly, draft] = rows.map((r: { id: string }) => r.id);
    const buyer = await signUpUser(testApp.app);
    const found = await buyer.client.get(`/api/pricing/${landingOnly}`);
    expect(found.statusCode).toBe(200);
    expect(found.json().plan).toMatchObject({ id: landingOnly, name: 'Landing only', requestType: 'paid', periodChargeMinor: 1500 });
    expect((await buyer.client.get(`/api/pricing/${draft}`)).statusCode).toBe(404);
    expect((await buyer.client.get('/api/pricing/no-such-plan')).statusCode).toBe(404);
    expect((await new TestClient(testApp.app).get(`/api/pricing/${landingOnly}`)).statusCode).toBe(401);
  });
});
