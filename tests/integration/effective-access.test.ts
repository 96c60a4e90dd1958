import { describe, expect, it } from 'vitest';
import { signUpUser, startTestApp } from '../support/test-app';

// /api/me and the guard read the current subscription, its plan and the overrides (spec 004 §3, §6).
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;

async function planWithPages(pages: Record<string, boolean>): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO plans (name, currency, monthly_price_minor, billing_period, request_type, status, limit_daily, limit_bulk,
       limit_channels, limit_chatbots, page_access)
     VALUES ('Test plan', 'USD', 1000, 'monthly', 'paid', 'published', 100, 50, 2, -1, $1) RETURNING id`,
    [JSON.stringify(pages)],
  );
  return rows[0].id;
}

async function subscribe(userId: string, planId: string, endsInDays: number, overrides: object = {}) {
  await pool.query(
    `INSERT INTO subscriptions (user_id, plan_id, status, service_ends_at, days_total, overrides)
     VALUES ($1, $2, 'active', now() + make_interval(days => $3), 30, $4)`,
    [userId, planId, endsInDays, JSON.stringify(overrides)],
  );
}

describe('effective access of a user with a plan', () => {
  it('lists the plan’s pages, the subscription and the effective limits', async () => {
    const planId = await planWithPages({ dashboard: true, channels: true, send: true, bulk: false });
    const { client, id } = await signUpUser(app);
    await subscribe(id, planId, 10);
    const me = (await client.get('/api/me')).json();
    expect(me.pages.sort()).toEqual(['account', 'channels', 'dashboard', 'payments', 'pricing', 'send'].sort());
    expect(me.subscription).toMatchObject({ planId, planName: 'Test plan', state: 'active', daysRemaining: 10 });
    expect(me.limits).toEqual({ daily: 100, bulk: 50, channels: 2, chatbots: -1 });
  });

  it('applies overrides over the plan without changing the plan', async () => {
    const planId = await planWithPages({ dashboard: true, channels: true, send: true, bulk: true });
    const { client, id } = await signUpUser(app);
    await subscribe(id, planId, 5, { pageAccess: { bulk: false, logs: true }, limits: { daily: 50 } });
    const me = (await client.get('/api/me')).json();
    expect(me.pages).not.toContain('bulk');
    expect(me.pages).toContain('logs');
    expect(me.limits.daily).toBe(50);
    const { rows } = await pool.query(`SELECT page_access, limit_daily FROM plans WHERE id = $1`, [planId]);
    expect(rows[0]).toEqual({ page_access: { dashboard: true, channels: true, send: true, bulk: true }, limit_daily: 100 });
  });

  it('leaves an expired user only pricing, payments and account, and they stay signed in', async () => {
    const planId = await planWithPages({ dashboard: true, channels: true });
    const { client, id } = await signUpUser(app);
    await subscribe(id, planId, -1);
    const me = await client.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().pages.sort()).toEqual(['account', 'payments', 'pricing']);
    expect(me.json().subscription).toMatchObject({ state: 'expired', daysRemaining: 0 });
  });

  it('gives a user without a subscription the dashboard and the always pages, and no limits', async () => {
    const { client } = await signUpUser(app);
    const me = (await client.get('/api/me')).json();
    expect(me.subscription).toBeNull();
    expect(me.pages.sort()).toEqual(['account', 'dashboard', 'payments', 'pricing']);
    expect(me.limits).toEqual({ daily: 0, bulk: 0, channels: 0, chatbots: 0 });
  });
});
