import { describe, expect, it } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';
import { DAY_MS, insertPlan, serviceEndsAt, subscribe } from './admin-users-fixtures';

// Admin +Days / −Days on a user's service clock (DOMAIN.md "Days" §3, spec 004 §3): ledger, audit, expiry at once.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);
const NO_PLAN = 'This user has no plan yet. Days can be added once they have subscribed to a plan.';

async function userWithDays(endsInDays: number | null, extra: { paymentMethod?: 'paypal' | 'offline' | 'admin' } = {}) {
  const planId = await insertPlan(pool, { pages: { bulk: true, send: true } });
  const user = await signUpUser(app);
  const sub = await subscribe(pool, user.id, { planId, endsInDays, ...extra });
  return { ...user, planId, subscriptionId: sub.id, endsAt: sub.endsAt };
}

const adjust = (userId: string, body: unknown) => admin.client.post(`/api/admin/users/${userId}/days`, body);

async function ledger(userId: string) {
  const { rows } = await pool.query(
    `SELECT type, days, actor_id, note, op_id FROM balance_transactions WHERE user_id = $1 ORDER BY id`,
    [userId],
  );
  return rows;
}

async function audits(userId: string) {
  const { rows } = await pool.query(
    `SELECT actor_id, reason, meta, ip FROM audit_log WHERE action = 'user.days_adjust' AND target_id = $1 ORDER BY id`,
    [userId],
  );
  return rows;
}

describe('+Days', () => {
  it('moves the service end N×24h later on the clock, with a user_credit row and an audit row', async () => {
    const user = await userWithDays(5, { paymentMethod: 'paypal' });
    const response = await adjust(user.id, { delta: 10, reason: 'Goodwill for the outage' });
    expect(response.statusCode, response.body).toBe(200);
    const after = await serviceEndsAt(pool, user.id);
    expect(after!.getTime()).toBe(user.endsAt!.getTime() + 10 * DAY_MS);
    expect(response.json().days).toEqual({ serviceEndsAt: after!.toISOString(), daysRemaining: 15, userStatus: 'active' });
    expect((await user.client.get('/api/me')).json().subscription.daysRemaining).toBe(15);

    const rows = await ledger(user.id);
    expect(rows).toEqual([
      { type: 'user_credit', days: 10, actor_id: admin.id, note: 'Admin adjustment: Goodwill for the outage', op_id: expect.any(String) },
    ]);
    const [audit] = await audits(user.id);
    expect(audit).toMatchObject({
      actor_id: admin.id,
      reason: 'Goodwill for the outage',
      ip: '127.0.0.1',
      meta: {
        delta: 10,
        subscriptionId: user.subscriptionId,
        opId: rows[0].op_id,
        serviceEndsAtBefore: user.endsAt!.toISOString(),
        serviceEndsAtAfter: after!.toISOString(),
        daysRemainingBefore: 5,
        daysRemainingAfter: 15,
      },
    });
    // How the plan was paid does not change because an admin added time.
    const { rows: sub } = await pool.query(`SELECT payment_method, days_total, plan_id FROM subscriptions WHERE id = $1`, [user.subscriptionId]);
    expect(sub[0]).toEqual({ payment_method: 'paypal', days_total: 15, plan_id: user.planId });
  });

  it('counts from now for an expired user and makes them active again', async () => {
    const user = await userWithDays(-3);
    expect((await user.client.get('/api/me')).json().subscription.state).toBe('expired');
    const before = Date.now();
    const response = await adjust(user.id, { delta: 7, reason: 'Trial extension' });
    expect(response.json().days).toMatchObject({ daysRemaining: 7, userStatus: 'active' });
    const after = (await serviceEndsAt(pool, user.id))!.getTime();
    expect(after).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(after).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);
    const me = (await user.client.get('/api/me')).json();
    expect(me.subscription).toMatchObject({ state: 'active', status: 'active', daysRemaining: 7 });
    expect(me.pages).toContain('bulk');
  });

  it('adds exactly the sum when admins add days to the same user at the same time', async () => {
    const user = await userWithDays(2);
    const results = await Promise.all(Array.from({ length: 12 }, () => adjust(user.id, { delta: 1, reason: 'parallel' })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    expect((await serviceEndsAt(pool, user.id))!.getTime()).toBe(user.endsAt!.getTime() + 12 * DAY_MS);
    expect(await ledger(user.id)).toHaveLength(12);
  });
});

describe('−Days', () => {
  it('moves the service end back N×24h with a user_debit row', async () => {
    const user = await userWithDays(20);
    const response = await adjust(user.id, { delta: -5, reason: 'Refunded part of the period' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().days).toMatchObject({ daysRemaining: 15, userStatus: 'active' });
    expect((await serviceEndsAt(pool, user.id))!.getTime()).toBe(user.endsAt!.getTime() - 5 * DAY_MS);
    expect(await ledger(user.id)).toEqual([
      { type: 'user_debit', days: 5, actor_id: admin.id, note: 'Admin adjustment: Refunded part of the period', op_id: expect.any(String) },
    ]);
    expect((await audits(user.id))[0].meta).toMatchObject({ delta: -5, daysRemainingBefore: 20, daysRemainingAfter: 15 });
  });

  it('expires the user at once when more days are taken than remain', async () => {
    const user = await userWithDays(3);
    expect((await user.client.get('/api/me')).json().pages).toContain('send');
    const response = await adjust(user.id, { delta: -10, reason: 'Chargeback' });
    expect(response.json().days).toMatchObject({ daysRemaining: 0, userStatus: 'expired' });
    const me = (await user.client.get('/api/me')).json();
    expect(me.subscription).toMatchObject({ state: 'expired', daysRemaining: 0 });
    expect(me.pages.sort()).toEqual(['account', 'payments', 'pricing']);
    expect((await user.client.get('/api/me')).statusCode).toBe(200);
    const list = (await admin.client.get(`/api/admin/users?q=${encodeURIComponent(user.email)}`)).json();
    expect(list.items[0]).toMatchObject({ userStatus: 'expired', daysRemaining: 0 });
  });

  it('refuses to take days from a user who has none left, and writes nothing', async () => {
    const user = await userWithDays(-1);
    const response = await adjust(user.id, { delta: -2, reason: 'x' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe('This user has no days left to remove.');
    expect(await ledger(user.id)).toEqual([]);
    expect(await audits(user.id)).toEqual([]);
  });
});

describe('refusals', () => {
  it('answers 409 with a clear message for a user without a plan, and for one with only a pending subscription', async () => {
    const bare = await signUpUser(app);
    const pending = await signUpUser(app);
    await subscribe(pool, pending.id, { planId: null, endsInDays: null, paymentMethod: null, overrides: { limits: { daily: 5 } } });
    for (const user of [bare, pending]) {
      for (const delta of [10, -10]) {
        const response = await adjust(user.id, { delta, reason: 'no plan' });
        expect(response.statusCode).toBe(409);
        expect(response.json().error).toEqual({ code: 'CONFLICT', message: NO_PLAN });
      }
      expect(await ledger(user.id)).toEqual([]);
    }
  });

  it('refuses 0, fractions, huge numbers and a missing reason with field errors', async () => {
    const user = await userWithDays(5);
    const cases: [unknown, string][] = [
      [{ delta: 0, reason: 'x' }, 'delta'],
      [{ delta: 1.5, reason: 'x' }, 'delta'],
      [{ delta: 100_000, reason: 'x' }, 'delta'],
      [{ delta: 3 }, 'reason'],
      [{ delta: 3, reason: '   ' }, 'reason'],
    ];
    for (const [body, field] of cases) {
      const response = await adjust(user.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual([field]);
    }
    expect(await ledger(user.id)).toEqual([]);
  });

  it('answers 404 for an unknown user and 403 for a plain user', async () => {
    expect((await adjust('nobody', { delta: 1, reason: 'x' })).statusCode).toBe(404);
    const user = await userWithDays(5);
    const response = await user.client.post(`/api/admin/users/${user.id}/days`, { delta: 100, reason: 'me' });
    expect(response.statusCode).toBe(403);
    expect(await ledger(user.id)).toEqual([]);
  });
});

describe('history', () => {
  it('lists every credit and debit of the user, newest first, with who made it', async () => {
    const user = await userWithDays(10);
    // A PayPal renewal is written by the system (no actor), as the PayPal flow does.
    await pool.query(
      `INSERT INTO balance_transactions (type, days, user_id, note, op_id) VALUES ('user_credit', 30, $1, 'PayPal renewal I-123', 'sale-1')`,
      [user.id],
    );
    await adjust(user.id, { delta: 4, reason: 'Bonus' });
    await adjust(user.id, { delta: -2, reason: 'Correction' });
    // Someone else's rows and the admin's own balance movements are not this user's history.
    await pool.query(`INSERT INTO balance_transactions (type, days, note) VALUES ('topup', 100, 'not a user row')`);

    const response = await admin.client.get(`/api/admin/users/${user.id}/days`);
    expect(response.statusCode).toBe(200);
    const history = response.json();
    expect(history.total).toBe(3);
    expect(history.items.map((e: { type: string; days: number; note: string }) => [e.type, e.days, e.note])).toEqual([
      ['user_debit', 2, 'Admin adjustment: Correction'],
      ['user_credit', 4, 'Admin adjustment: Bonus'],
      ['user_credit', 30, 'PayPal renewal I-123'],
    ]);
    expect(history.items[0].actor).toMatchObject({ id: admin.id, email: admin.email });
    expect(history.items[2].actor).toBeNull();
    const paged = (await admin.client.get(`/api/admin/users/${user.id}/days?page=2&pageSize=2`)).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items.map((e: { note: string }) => e.note)).toEqual(['PayPal renewal I-123']);
  });

  it('lists every subscription of the user, the current one first', async () => {
    const oldPlan = await insertPlan(pool, { name: 'Starter (old)' });
    const user = await userWithDays(9);
    await pool.query(
      `INSERT INTO subscriptions (user_id, plan_id, status, payment_method, service_ends_at, days_total, is_current, created_at)
       VALUES ($1, $2, 'expired', 'offline', now() - interval '40 days', 30, false, now() - interval '70 days')`,
      [user.id, oldPlan],
    );
    const response = await admin.client.get(`/api/admin/users/${user.id}/subscriptions`);
    expect(response.statusCode).toBe(200);
    const subs = response.json().subscriptions;
    expect(subs).toHaveLength(2);
    expect(subs[0]).toMatchObject({ id: user.subscriptionId, isCurrent: true, status: 'active', paymentMethod: 'offline' });
    expect(subs[1]).toMatchObject({ isCurrent: false, status: 'expired', plan: { id: oldPlan, name: 'Starter (old)' }, daysTotal: 30 });
    expect((await admin.client.get('/api/admin/users/nobody/subscriptions')).statusCode).toBe(404);
    expect((await admin.client.get('/api/admin/users/nobody/days')).statusCode).toBe(404);
  });
});
