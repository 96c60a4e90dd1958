import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contracts/plans';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';
import { createPlanAs, planInputFor } from './plan-fixtures';

// Admin → Plans (DOMAIN.md "Plans", "Audit log"): every action, its one audit row, and what it refuses.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);
const client = admin.client;
const put = (url: string, body: unknown) => client.request('PUT', url, body);

async function auditOf(planId: string) {
  const { rows } = await pool.query(
    `SELECT actor_id, action, target_type, target_id, meta FROM audit_log WHERE target_id = $1 ORDER BY id`,
    [planId],
  );
  return rows as { actor_id: string; action: string; target_type: string; target_id: string; meta: Record<string, unknown> }[];
}

async function planRow(planId: string) {
  const { rows } = await pool.query(`SELECT * FROM plans WHERE id = $1`, [planId]);
  return rows[0];
}

async function subscribe(planId: string, overrides: object = {}) {
  const user = await signUpUser(app);
  await pool.query(`INSERT INTO subscriptions (user_id, plan_id, status, overrides) VALUES ($1, $2, 'active', $3)`, [
    user.id,
    planId,
    JSON.stringify(overrides),
  ]);
  return user;
}

async function listed(): Promise<Plan[]> {
  const response = await client.get('/api/admin/plans');
  expect(response.statusCode).toBe(200);
  return response.json().plans;
}

describe('creating and editing plans', () => {
  it('creates a draft with its period charge and audits plan.create with the values', async () => {
    const input = planInputFor({ name: 'Growth', monthlyPriceMinor: 2500, billingPeriod: 'annual' });
    const response = await client.post('/api/admin/plans', input);
    expect(response.statusCode).toBe(201);
    const plan = response.json().plan;
    expect(plan).toMatchObject({ ...input, status: 'draft', periodChargeMinor: 30000, periodDays: 365, subscriberCount: 0 });
    expect(await auditOf(plan.id)).toEqual([
      { actor_id: admin.id, action: 'plan.create', target_type: 'plan', target_id: plan.id, meta: { after: input } },
    ]);
  });

  it('charges BHD exactly in fils: 12.500 a month over a semi-annual period is 75.000', async () => {
    const plan = await createPlanAs(client, { currency: 'BHD', monthlyPriceMinor: 12500, billingPeriod: 'semi_annual' });
    expect(plan).toMatchObject({ currency: 'BHD', monthlyPriceMinor: 12500, periodChargeMinor: 75000, periodDays: 180 });
  });

  it('has no period charge without a price (quote and demo plans)', async () => {
    const plan = await createPlanAs(client, { requestType: 'request_quote', monthlyPriceMinor: null });
    expect(plan).toMatchObject({ monthlyPriceMinor: null, periodChargeMinor: null });
  });

  it('edits a plan, audits only the changed fields, and leaves subscribers and their overrides alone', async () => {
    const input = planInputFor();
    const plan = await createPlanAs(client, input);
    const subscriber = await subscribe(plan.id, { limits: { daily: 5 }, requestType: 'book_demo' });
    const edited = { ...input, name: 'Renamed', limits: { ...input.limits, daily: 300 }, features: ['Only one'] };
    const response = await put(`/api/admin/plans/${plan.id}`, edited);
    expect(response.statusCode).toBe(200);
    expect(response.json().plan).toMatchObject({ ...edited, subscriberCount: 1, status: 'draft' });

    const rows = await auditOf(plan.id);
    expect(rows.map((r) => r.action)).toEqual(['plan.create', 'plan.update']);
    expect(rows[1]).toMatchObject({ actor_id: admin.id, target_id: plan.id });
    expect(rows[1]!.meta).toEqual({
      changed: {
        name: { from: input.name, to: 'Renamed' },
        'limits.daily': { from: 200, to: 300 },
        features: { from: input.features, to: ['Only one'] },
      },
    });
    const { rows: subs } = await pool.query(`SELECT plan_id, status, overrides FROM subscriptions WHERE user_id = $1`, [subscriber.id]);
    expect(subs).toEqual([{ plan_id: plan.id, status: 'active', overrides: { limits: { daily: 5 }, requestType: 'book_demo' } }]);
  });

  it('answers a save that changes nothing with the plan and no audit row', async () => {
    const input = planInputFor({ paypalPlanId: '' });
    const plan = await createPlanAs(client, input);
    const response = await put(`/api/admin/plans/${plan.id}`, input);
    expect(response.statusCode).toBe(200);
    expect((await auditOf(plan.id)).map((r) => r.action)).toEqual(['plan.create']);
  });

  it('keeps a published plan complete: an edit that would make it unpublishable is refused and changes nothing', async () => {
    const input = planInputFor();
    const plan = await createPlanAs(client, input, 'published');
    const before = await planRow(plan.id);
    const response = await put(`/api/admin/plans/${plan.id}`, { ...input, monthlyPriceMinor: null, name: 'Broken' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { monthlyPriceMinor: expect.any(String) } });
    expect(await planRow(plan.id)).toEqual(before);
    expect((await auditOf(plan.id)).map((r) => r.action)).toEqual(['plan.create', 'plan.publish']);
  });

  it('edits an archived plan too', async () => {
    const input = planInputFor();
    const plan = await createPlanAs(client, input, 'archived');
    const response = await put(`/api/admin/plans/${plan.id}`, { ...input, name: 'Legacy' });
    expect(response.statusCode).toBe(200);
    expect(response.json().plan).toMatchObject({ name: 'Legacy', status: 'archived' });
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const count = async () => (await pool.query(`SELECT count(*)::int AS n FROM plans`)).rows[0].n;
    const before = await count();
    const valid = planInputFor();
    const cases: [unknown, string][] = [
      [{ ...valid, currency: 'US' }, 'currency'],
      [{ ...valid, currency: 'US1' }, 'currency'],
      [{ ...valid, monthlyPriceMinor: -100 }, 'monthlyPriceMinor'],
      [{ ...valid, monthlyPriceMinor: 19.99 }, 'monthlyPriceMinor'],
      [{ ...valid, limits: { ...valid.limits, daily: -2 } }, 'limits.daily'],
      [{ ...valid, limits: { ...valid.limits, unknown: 1 } }, 'limits'],
      [{ ...valid, pageAccess: { ...valid.pageAccess, admin: true } }, 'pageAccess'],
      [{ ...valid, status: 'published' }, 'status'],
      [{ ...valid, name: '   ' }, 'name'],
      [{ ...valid, billingPeriod: 'weekly' }, 'billingPeriod'],
      [{ ...valid, features: ['ok', ' '] }, 'features.1'],
    ];
    for (const [body, field] of cases) {
      const response = await client.post('/api/admin/plans', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.json().error.fields), field).toContain(field);
    }
    const plan = await createPlanAs(client, valid);
    const edit = await put(`/api/admin/plans/${plan.id}`, { ...valid, limits: { ...valid.limits, bulk: -2 } });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.fields).toHaveProperty(['limits.bulk']);
    expect(await count()).toBe(before + 1);
  });

  it('answers an unknown plan id with 404 on every plan route', async () => {
    const id = '00000000-0000-0000-0000-000000000000';
    const responses = [
      await put(`/api/admin/plans/${id}`, planInputFor()),
      ...(await Promise.all(
        ['duplicate', 'publish', 'unpublish', 'archive', 'unarchive'].map((a) => client.post(`/api/admin/plans/${id}/${a}`)),
      )),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toEqual({ code: 'NOT_FOUND', message: 'Plan was not found.' });
    }
  });
});

describe('publishing, unpublishing and archiving', () => {
  it('refuses to publish a paid plan without a price, with field errors, and changes nothing', async () => {
    for (const monthlyPriceMinor of [null, 0]) {
      const plan = await createPlanAs(client, { monthlyPriceMinor });
      const before = await planRow(plan.id);
      const response = await client.post(`/api/admin/plans/${plan.id}/publish`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'Complete the plan before publishing it.',
        fields: { monthlyPriceMinor: 'A paid plan needs a monthly price.' },
      });
      expect(await planRow(plan.id)).toEqual(before);
      expect((await auditOf(plan.id)).map((r) => r.action)).toEqual(['plan.create']);
    }
  });

  it('names every missing field: a blank name (only possible in old data) and the price', async () => {
    const plan = await createPlanAs(client, { monthlyPriceMinor: null });
    await pool.query(`UPDATE plans SET name = '  ' WHERE id = $1`, [plan.id]);
    const response = await client.post(`/api/admin/plans/${plan.id}/publish`);
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['monthlyPriceMinor', 'name']);
    expect((await planRow(plan.id)).status).toBe('draft');
    await pool.query(`UPDATE plans SET name = 'Restored' WHERE id = $1`, [plan.id]);
  });

  it('publishes a complete plan once: a second publish returns it without another audit row', async () => {
    const plan = await createPlanAs(client, { requestType: 'book_demo', monthlyPriceMinor: null });
    const first = await client.post(`/api/admin/plans/${plan.id}/publish`);
    expect(first.statusCode).toBe(200);
    expect(first.json().plan.status).toBe('published');
    const second = await client.post(`/api/admin/plans/${plan.id}/publish`);
    expect(second.statusCode).toBe(200);
    expect(second.json().plan.status).toBe('published');
    const rows = await auditOf(plan.id);
    expect(rows.map((r) => r.action)).toEqual(['plan.create', 'plan.publish']);
    expect(rows[1]).toMatchObject({ actor_id: admin.id, target_type: 'plan', meta: { from: 'draft', to: 'published' } });
  });

  it('unpublishes to draft, archives with subscribers kept, refuses to publish archived, and unarchives to draft', async () => {
    const plan = await createPlanAs(client, {}, 'published');
    const subscriber = await subscribe(plan.id);
    const step = async (action: string, status: number, expected?: string) => {
      const response = await client.post(`/api/admin/plans/${plan.id}/${action}`);
      expect(response.statusCode, `${action}: ${response.body}`).toBe(status);
      if (expected) expect(response.json().plan.status).toBe(expected);
      return response;
    };
    await step('unpublish', 200, 'draft');
    await step('unpublish', 200, 'draft');
    await step('publish', 200, 'published');
    const archived = await step('archive', 200, 'archived');
    expect(archived.json().plan.subscriberCount).toBe(1);
    await step('archive', 200, 'archived');
    const refused = await step('publish', 409);
    expect(refused.json().error).toEqual({ code: 'CONFLICT', message: 'Unarchive the plan first.' });
    await step('unarchive', 200, 'draft');
    await step('unarchive', 200, 'draft');

    const rows = await auditOf(plan.id);
    expect(rows.map((r) => [r.action, r.meta])).toEqual([
      ['plan.create', expect.anything()],
      ['plan.publish', { from: 'draft', to: 'published' }],
      ['plan.unpublish', { from: 'published', to: 'draft' }],
      ['plan.publish', { from: 'draft', to: 'published' }],
      ['plan.archive', { from: 'published', to: 'archived' }],
      ['plan.unarchive', { from: 'archived', to: 'draft' }],
    ]);
    expect(rows.every((r) => r.actor_id === admin.id && r.target_id === plan.id)).toBe(true);
    const { rows: subs } = await pool.query(`SELECT plan_id, is_current FROM subscriptions WHERE user_id = $1`, [subscriber.id]);
    expect(subs).toEqual([{ plan_id: plan.id, is_current: true }]);
  });

  it('ends in one consistent state when publish and unpublish race, with one audit row per real change', async () => {
    const plan = await createPlanAs(client);
    const calls = Array.from({ length: 10 }, () => ['publish', 'unpublish']).flat();
    const responses = await Promise.all(calls.map((action) => client.post(`/api/admin/plans/${plan.id}/${action}`)));
    expect(responses.map((r) => r.statusCode)).toEqual(calls.map(() => 200));

    const finalStatus = (await planRow(plan.id)).status;
    const changes = (await auditOf(plan.id)).filter((r) => r.action !== 'plan.create');
    expect(changes.length).toBeGreaterThanOrEqual(1);
    // Each recorded change starts where the previous one ended, and the last one is where the plan is now.
    let status = 'draft';
    for (const row of changes) {
      expect(row.meta.from).toBe(status);
      status = row.meta.to as string;
      expect(row.action).toBe(status === 'published' ? 'plan.publish' : 'plan.unpublish');
    }
    expect(finalStatus).toBe(status);
  });
});

describe('duplicating, listing and ordering', () => {
  it('duplicates as a draft "(copy)" right after the original and audits the source', async () => {
    const source = await createPlanAs(client, { name: 'Pro', sortOrder: 500, features: ['A', 'B'] }, 'published');
    const response = await client.post(`/api/admin/plans/${source.id}/duplicate`);
    expect(response.statusCode).toBe(201);
    const copy = response.json().plan;
    const { id: _s, name: _n, status: _st, sortOrder: _so, createdAt: _c, updatedAt: _u, ...same } = source;
    expect(copy).toMatchObject({ ...same, name: 'Pro (copy)', status: 'draft', sortOrder: 501 });
    expect(copy.id).not.toBe(source.id);
    expect(await auditOf(copy.id)).toEqual([
      {
        actor_id: admin.id,
        action: 'plan.duplicate',
        target_type: 'plan',
        target_id: copy.id,
        meta: { sourceId: source.id, sourceName: 'Pro' },
      },
    ]);
    const ids = (await listed()).map((p) => p.id);
    expect(ids.indexOf(copy.id)).toBe(ids.indexOf(source.id) + 1);
  });

  it('lists every plan, archived included, by sort order, counting only current subscriptions', async () => {
    const late = await createPlanAs(client, { sortOrder: 9000 }, 'archived');
    const early = await createPlanAs(client, { sortOrder: -9000 });
    const user = await subscribe(early.id);
    await pool.query(`UPDATE subscriptions SET is_current = false WHERE user_id = $1`, [user.id]);
    await subscribe(early.id);
    const plans = await listed();
    expect(plans[0]).toMatchObject({ id: early.id, subscriberCount: 1 });
    expect(plans.at(-1)).toMatchObject({ id: late.id, status: 'archived' });
    const orders = plans.map((p) => p.sortOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('reorders the listed plans to 0, 10, 20… in one audited change', async () => {
    const [a, b, c] = [await createPlanAs(client), await createPlanAs(client), await createPlanAs(client)];
    const response = await put('/api/admin/plans/order', { order: [c!.id, a!.id, b!.id] });
    expect(response.statusCode).toBe(200);
    const sorted = response.json().plans.filter((p: Plan) => [a!.id, b!.id, c!.id].includes(p.id));
    expect(sorted.map((p: Plan) => [p.id, p.sortOrder])).toEqual([
      [c!.id, 0],
      [a!.id, 10],
      [b!.id, 20],
    ]);
    const { rows } = await pool.query(`SELECT actor_id, meta FROM audit_log WHERE action = 'plan.reorder' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].actor_id).toBe(admin.id);
    expect(rows[0].meta.order).toEqual([c!.id, a!.id, b!.id]);
    expect(rows[0].meta.changed[a!.id]).toEqual({ from: a!.sortOrder, to: 10 });
  });

  it('refuses a reorder naming an unknown or repeated plan, and changes nothing', async () => {
    const a = await createPlanAs(client);
    const audits = async () => (await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.reorder'`)).rows[0].n;
    const before = await audits();
    const unknown = await put('/api/admin/plans/order', { order: [a.id, 'no-such-plan'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { 'order.1': 'Plan was not found.' } });
    const repeated = await put('/api/admin/plans/order', { order: [a.id, a.id] });
    expect(repeated.statusCode).toBe(400);
    expect((await planRow(a.id)).sort_order).toBe(a.sortOrder);
    expect(await audits()).toBe(before);
  });
});

describe('access', () => {
  it('refuses a plain user on every admin plan route with 403 and changes nothing', async () => {
    const plan = await createPlanAs(client, {}, 'published');
    const user = await signUpUser(app);
    const snapshot = async () => ({
      plans: (await pool.query(`SELECT * FROM plans ORDER BY id`)).rows,
      audit: (await pool.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n,
    });
    const before = await snapshot();
    const input = planInputFor();
    const calls = [
      user.client.get('/api/admin/plans'),
      user.client.post('/api/admin/plans', input),
      user.client.request('PUT', `/api/admin/plans/${plan.id}`, input),
      user.client.request('PUT', '/api/admin/plans/order', { order: [plan.id] }),
      ...['duplicate', 'publish', 'unpublish', 'archive', 'unarchive'].map((a) => user.client.post(`/api/admin/plans/${plan.id}/${a}`)),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('the demo catalogue (scripts/seed-plans.ts)', () => {
  it('seeds five published plans once, in order, and leaves them alone on a second run', async () => {
    const { DEMO_PLANS, seedPlans } = await import('../../scripts/seed-plans');
    expect(await seedPlans(testApp.database)).toEqual(['Starter', 'Business', 'Business Annual', 'Enterprise', 'Demo']);
    expect(await seedPlans(testApp.database)).toEqual([]);
    const seeded = (await listed()).filter((p) => DEMO_PLANS.some((d) => d.name === p.name));
    expect(seeded.map((p) => [p.name, p.status, p.sortOrder, p.periodChargeMinor])).toEqual([
      ['Starter', 'published', 10, 1900],
      ['Business', 'published', 20, 4900],
      ['Business Annual', 'published', 30, 46800],
      ['Enterprise', 'published', 40, null],
      ['Demo', 'published', 50, null],
    ]);
  });
});
