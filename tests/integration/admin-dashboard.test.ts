import { describe, expect, it } from 'vitest';
import type { AdminDashboard } from '../../src/contracts/admin-dashboard';
import { changeMainBalance } from '../../src/server/features/balances/change-main-balance';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';
import { insertChannel, insertPlan, subscribe } from './admin-users-fixtures';

// The admin's landing page (spec 004 §7): users by status, expiring soon, channels, payments, balances, audit.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);

async function dashboard(): Promise<AdminDashboard> {
  const response = await admin.client.get('/api/admin/dashboard');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function customer(planId: string | null, endsInDays: number | null, overrides: object = {}) {
  const user = await signUpUser(app);
  if (planId) await subscribe(pool, user.id, { planId, endsInDays, overrides });
  return user;
}

describe('GET /api/admin/dashboard', () => {
  it('counts customers by status and lists those expiring within 7 days, soonest first', async () => {
    const before = await dashboard();
    const planId = await insertPlan(pool, { name: 'Dash plan', limits: { channels: 2 } });
    const soon = await customer(planId, 2.5);
    const sooner = await customer(planId, 0.5);
    await customer(planId, 30);
    await customer(planId, -1);
    const banned = await customer(planId, 3);
    await customer(null, null);
    await admin.client.post(`/api/admin/users/${banned.id}/ban`, { reason: 'x' });

    const after = await dashboard();
    expect(after.users.active - before.users.active).toBe(3);
    expect(after.users.expired - before.users.expired).toBe(1);
    expect(after.users.banned - before.users.banned).toBe(1);
    expect(after.users.noPlan - before.users.noPlan).toBe(1);
    expect(after.users.total - before.users.total).toBe(6);
    // Admins are not customers: they are not counted.
    expect(after.users.total).toBe(after.users.active + after.users.expired + after.users.banned + after.users.noPlan);

    const ids = after.expiring.items.map((u) => u.id);
    expect(ids).toEqual([sooner.id, soon.id]);
    expect(after.expiring.total).toBe(2);
    expect(after.expiring.items[0]).toMatchObject({ email: sooner.email, planName: 'Dash plan', daysRemaining: 1 });
    expect(after.expiring.items[1]).toMatchObject({ daysRemaining: 3 });
  });

  it('drops a user from the expiring list once an admin adds days, and shows the adjustment in recent audit', async () => {
    const planId = await insertPlan(pool);
    const user = await customer(planId, 1);
    expect((await dashboard()).expiring.items.map((u) => u.id)).toContain(user.id);
    await admin.client.post(`/api/admin/users/${user.id}/days`, { delta: 10, reason: 'Quick +Days' });
    const after = await dashboard();
    expect(after.expiring.items.map((u) => u.id)).not.toContain(user.id);
    expect(after.recentAudit[0]).toMatchObject({ action: 'user.days_adjust', targetId: user.id, reason: 'Quick +Days', actor: { id: admin.id } });
    expect(after.recentAudit.length).toBeLessThanOrEqual(10);
  });

  it('sums channels used against the allowance of active users, counting unlimited users apart, and counts display statuses', async () => {
    const before = await dashboard();
    const planId = await insertPlan(pool, { limits: { channels: 3 } });
    const a = await customer(planId, 10);
    const b = await customer(planId, 10, { limits: { channels: -1 } });
    const expired = await customer(planId, -5);
    await insertChannel(pool, a.id, { authStatus: 'authorized' });
    await insertChannel(pool, a.id, { authStatus: 'qr_generated' });
    await insertChannel(pool, a.id, { deleted: true });
    await insertChannel(pool, b.id, { authStatus: 'disconnected' });
    await insertChannel(pool, expired.id, { authStatus: 'authorized' });

    const after = await dashboard();
    expect(after.channels.used - before.channels.used).toBe(4);
    expect(after.channels.allowed - before.channels.allowed).toBe(3);
    expect(after.channels.unlimitedUsers - before.channels.unlimitedUsers).toBe(1);
    const delta = (key: keyof AdminDashboard['channels']['byStatus']) => after.channels.byStatus[key] - before.channels.byStatus[key];
    expect([delta('active'), delta('unauthorized'), delta('disconnected'), delta('suspended')]).toEqual([1, 1, 1, 1]);
  });

  it('counts display statuses exactly as Admin → Channels shows them, banned owners and expired clocks included', async () => {
    const planId = await insertPlan(pool, { limits: { channels: 5 } });
    const owner = await customer(planId, 10);
    const banned = await customer(planId, 10);
    const tokenSealed = testApp.services.box.seal('channel-token-0001');
    await insertChannel(pool, owner.id, { status: 'active', expiresInDays: -1, tokenSealed });
    await insertChannel(pool, owner.id, { status: 'pending', authStatus: 'pending', tokenSealed });
    await insertChannel(pool, banned.id, { authStatus: 'authorized', tokenSealed });
    // Admin → Channels opens every listed token (to show its last 4), so every channel of this database is sealed for real.
    await pool.query(`UPDATE channels SET token_sealed = $1`, [tokenSealed]);
    await admin.client.post(`/api/admin/users/${banned.id}/ban`, { reason: 'x' });

    const channels = await admin.client.get('/api/admin/channels?pageSize=1');
    expect(channels.statusCode, channels.body).toBe(200);
    const { counts } = channels.json();
    const { byStatus, used } = (await dashboard()).channels;
    expect(byStatus).toEqual({ active: counts.active, unauthorized: counts.unauthorized, disconnected: counts.disconnected, suspended: counts.suspended });
    expect(used).toBe(counts.total);
  });

  it('shows pending payments, the main balance and the latest partner balance', async () => {
    const before = await dashboard();
    const planId = await insertPlan(pool);
    const user = await signUpUser(app);
    await pool.query(
      `INSERT INTO user_offline_payments (user_id, plan_id, reference, status) VALUES ($1, $2, 'TT-1', 'pending'), ($1, $2, 'TT-2', 'rejected')`,
      [user.id, planId],
    );
    await testApp.database.db.transaction((tx) => changeMainBalance(tx, { type: 'topup', days: 120, actorId: admin.id, note: 'Bought 120 days' }));
    await pool.query(`INSERT INTO partner_balance_notices (current_days, days_limit, raw) VALUES (480, 50, '{}'), (470, 50, '{}')`);

    const after = await dashboard();
    expect(after.payments.pending - before.payments.pending).toBe(1);
    expect(after.mainBalance.days - before.mainBalance.days).toBe(120);
    expect(after.partnerBalance).toMatchObject({ daysLimit: 50 });
    expect([470, 480]).toContain(after.partnerBalance!.currentDays);
  });

  it('is refused to plain users', async () => {
    const user = await signUpUser(app);
    expect((await user.client.get('/api/admin/dashboard')).statusCode).toBe(403);
  });
});
