import { describe, expect, it } from 'vitest';
import type { AdminUserDetails } from '../../src/contracts/admin-users';
import { USER_PAGES } from '../../src/domain/pages';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';
import { insertPlan, subscribe } from './admin-users-fixtures';

// Admin → Users → details (spec 004 §3): plan read-only, overrides and the effective view.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);
const ALWAYS = ['account', 'payments', 'pricing'];

async function details(userId: string): Promise<AdminUserDetails> {
  const response = await admin.client.get(`/api/admin/users/${userId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function userOnPlan(endsInDays = 20) {
  const planId = await insertPlan(pool, {
    name: 'Business',
    requestType: 'paid',
    limits: { daily: 100, bulk: 10, channels: 2, chatbots: 1 },
    pages: { logs: false, workflows: false },
  });
  const user = await signUpUser(app);
  await subscribe(pool, user.id, { planId, endsInDays });
  return { ...user, planId };
}

describe('GET /api/admin/users/:id', () => {
  it('shows the plan, no overrides, and an effective view equal to the plan', async () => {
    const user = await userOnPlan();
    const view = await details(user.id);
    expect(view.plan).toMatchObject({
      id: user.planId,
      name: 'Business',
      status: 'published',
      requestType: 'paid',
      billingPeriod: 'monthly',
      limits: { daily: 100, bulk: 10, channels: 2, chatbots: 1 },
    });
    expect(Object.keys(view.plan!.pageAccess).sort()).toEqual([...USER_PAGES].sort());
    expect(view.plan!.pageAccess).toMatchObject({ bulk: true, logs: false, workflows: false });
    expect(view.overrides).toEqual({ limits: {}, pageAccess: {}, requestType: null, notes: null });
    expect(view.effective.limits).toEqual(view.plan!.limits);
    expect(view.effective.requestType).toBe('paid');
    const me = (await user.client.get('/api/me')).json();
    expect([...view.effective.pages].sort()).toEqual([...me.pages].sort());
    expect(view.subscription).toMatchObject({ status: 'active', paymentMethod: 'offline' });
    expect(view.user).toMatchObject({ id: user.id, userStatus: 'active', daysRemaining: 20, channelsAllowed: 2 });
  });

  it('turns Bulk off, grants Logs and sets the daily limit to 50 without ever changing the plan', async () => {
    const user = await userOnPlan();
    const planBefore = (await pool.query(`SELECT * FROM plans WHERE id = $1`, [user.planId])).rows[0];
    const patch = await admin.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, {
      limits: { daily: 50, channels: -1 },
      pageAccess: { bulk: false, logs: true },
      requestType: 'request_quote',
      notes: 'VIP — call before changes',
    });
    expect(patch.statusCode).toBe(200);

    const view = await details(user.id);
    expect(view.overrides).toEqual({
      limits: { daily: 50, channels: -1 },
      pageAccess: { bulk: false, logs: true },
      requestType: 'request_quote',
      notes: 'VIP — call before changes',
    });
    expect(view.effective.limits).toEqual({ daily: 50, bulk: 10, channels: -1, chatbots: 1 });
    expect(view.effective.pages).not.toContain('bulk');
    expect(view.effective.pages).toContain('logs');
    expect(view.effective.requestType).toBe('request_quote');
    expect(view.user).toMatchObject({ channelsAllowed: -1, plan: { requestType: 'paid', effectiveRequestType: 'request_quote' } });
    // The plan is the template: untouched, and the plan section of the view still shows its own values.
    expect((await pool.query(`SELECT * FROM plans WHERE id = $1`, [user.planId])).rows[0]).toEqual(planBefore);
    expect(view.plan).toMatchObject({ limits: { daily: 100, channels: 2 }, pageAccess: { bulk: true, logs: false }, requestType: 'paid' });
    // What the admin sees is what the guards enforce.
    const me = (await user.client.get('/api/me')).json();
    expect(me.limits).toEqual(view.effective.limits);
    expect([...me.pages].sort()).toEqual([...view.effective.pages].sort());
  });

  it('shows only the always-open pages for an expired user and none for a banned one', async () => {
    const expired = await userOnPlan(-1);
    expect([...(await details(expired.id)).effective.pages].sort()).toEqual(ALWAYS);
    const banned = await userOnPlan();
    await admin.client.post(`/api/admin/users/${banned.id}/ban`, { reason: 'Fraud' });
    const view = await details(banned.id);
    expect(view.effective.pages).toEqual([]);
    expect(view.user).toMatchObject({ status: 'banned', userStatus: 'banned', banReason: 'Fraud' });
  });

  it('shows a user without a plan with overrides held on a pending subscription', async () => {
    const user = await signUpUser(app);
    await admin.client.request('PATCH', `/api/admin/users/${user.id}/overrides`, { requestType: 'book_demo', limits: { daily: 5 } });
    const view = await details(user.id);
    expect(view.plan).toBeNull();
    expect(view.subscription).toMatchObject({ status: 'pending', paymentMethod: null, serviceEndsAt: null });
    expect(view.overrides).toMatchObject({ requestType: 'book_demo', limits: { daily: 5 } });
    // Without a plan nothing is granted yet: the limits are 0 until the user subscribes (domain/access.ts).
    expect(view.effective.limits).toEqual({ daily: 0, bulk: 0, channels: 0, chatbots: 0 });
    expect([...view.effective.pages].sort()).toEqual(['account', 'dashboard', 'payments', 'pricing']);
    expect(view.effective.requestType).toBe('book_demo');
    expect(view.user).toMatchObject({ userStatus: 'no_plan', plan: null });
  });

  it('answers 404 for an unknown user', async () => {
    for (const path of ['', '/days', '/subscriptions']) {
      expect((await admin.client.get(`/api/admin/users/nobody${path}`)).statusCode, path).toBe(404);
    }
  });
});
