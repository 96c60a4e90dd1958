import { describe, expect, it } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';

// Admin API for per-user overrides (spec 004 §3): audited, never mutating the plan, effective at once.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);

async function userOnPlan() {
  const { rows } = await pool.query(
    `INSERT INTO plans (name, monthly_price_minor, status, limit_daily, limit_bulk, limit_channels, limit_chatbots, page_access)
     VALUES ('Plan', 1000, 'published', 100, 10, 1, 1, '{"dashboard":true,"bulk":true,"send":true}') RETURNING id`,
  );
  const user = await signUpUser(app);
  await pool.query(
    `INSERT INTO subscriptions (user_id, plan_id, status, service_ends_at) VALUES ($1, $2, 'active', now() + interval '10 days')`,
    [user.id, rows[0].id],
  );
  return { ...user, planId: rows[0].id as string };
}

describe('overrides', () => {
  it('turns Bulk off and sets the daily limit to 50 for one user, without touching the plan', async () => {
    const user = await userOnPlan();
    const response = await admin.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, {
      limits: { daily: 50 },
      pageAccess: { bulk: false },
      notes: 'Asked for a smaller daily volume',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().overrides).toEqual({
      limits: { daily: 50 },
      pageAccess: { bulk: false },
      requestType: null,
      notes: 'Asked for a smaller daily volume',
    });
    const me = (await user.client.get('/api/me')).json();
    expect(me.pages).not.toContain('bulk');
    expect(me.limits.daily).toBe(50);
    const plan = await pool.query(`SELECT limit_daily, page_access FROM plans WHERE id = $1`, [user.planId]);
    expect(plan.rows[0]).toEqual({ limit_daily: 100, page_access: { dashboard: true, bulk: true, send: true } });
  });

  it('resets an item to the plan with null and keeps the others', async () => {
    const user = await userOnPlan();
    const url = `/api/admin/users/${user.id}/overrides`;
    await admin.client.request('PATCH', url, { limits: { daily: 5, bulk: 2 }, requestType: 'request_quote' });
    const reset = await admin.client.request('PATCH', url, { limits: { daily: null }, requestType: null });
    expect(reset.json().overrides).toMatchObject({ limits: { bulk: 2 }, requestType: null });
    expect((await user.client.get('/api/me')).json().limits).toMatchObject({ daily: 100, bulk: 2 });
  });

  it('writes an audit row with before and after for every change', async () => {
    const user = await userOnPlan();
    await admin.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, { limits: { channels: 3 } });
    const { rows } = await pool.query(
      `SELECT actor_id, meta FROM audit_log WHERE action = 'user.overrides_update' AND target_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].actor_id).toBe(admin.id);
    expect(rows[0].meta).toMatchObject({ before: {}, after: { limits: { channels: 3 } } });
  });

  it('holds overrides for a user without a subscription on a pending one', async () => {
    const user = await signUpUser(app);
    const response = await admin.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, { limits: { channels: 2 } });
    expect(response.statusCode).toBe(200);
    const { rows } = await pool.query(`SELECT status, plan_id, overrides FROM subscriptions WHERE user_id = $1`, [user.id]);
    expect(rows).toEqual([{ status: 'pending', plan_id: null, overrides: { limits: { channels: 2 }, pageAccess: {} } }]);
  });

  it('refuses bad values with field errors and unknown users with 404', async () => {
    const user = await userOnPlan();
    const bad = await admin.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, { limits: { daily: -2 }, pageAccess: { admin: true } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).join(' ')).toMatch(/limits\.daily/);
    expect((await admin.client.request('PATCH', '/api/admin/users/nobody/overrides', { notes: 'x' })).statusCode).toBe(404);
  });

  it('is refused to users', async () => {
    const user = await userOnPlan();
    const response = await user.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, { pageAccess: { logs: true } });
    expect(response.statusCode).toBe(403);
  });
});

describe('a request-type override before any plan', () => {
  it('changes the call to action the user sees on in-app pricing', async () => {
    await pool.query(
      `INSERT INTO plans (name, monthly_price_minor, status, visibility, request_type, limit_daily, limit_bulk, limit_channels, limit_chatbots)
       VALUES ('Paid for all', 900, 'published', 'both', 'paid', 1, 1, 1, 1)`,
    );
    const user = await signUpUser(app);
    const other = await signUpUser(app);
    await admin.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, { requestType: 'book_demo' });
    const mine = (await user.client.get('/api/pricing')).json().plans.find((p: { name: string }) => p.name === 'Paid for all');
    const theirs = (await other.client.get('/api/pricing')).json().plans.find((p: { name: string }) => p.name === 'Paid for all');
    expect(mine.requestType).toBe('book_demo');
    expect(theirs.requestType).toBe('paid');
  });
});
