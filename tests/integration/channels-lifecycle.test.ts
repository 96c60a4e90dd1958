import { describe, expect, it } from 'vitest';
import { CHANNEL_MESSAGES } from '../../src/contracts/channels';
import { changeMainBalance } from '../../src/server/features/balances/change-main-balance';
import { autoAllocateChannelsJob } from '../../src/server/features/channels/auto-allocate-ref';
import { expireChannelsJob } from '../../src/server/features/channels/channel-jobs-refs';
import { expireChannels } from '../../src/server/features/channels/expire-channels';
import type { UserEvent } from '../../src/server/realtime/event-bus';
import type { TestClient } from '../support/test-app';
import { startChannelHarness } from './channels-harness';

// The channel clock over time: expiry at the boundary second (spec 003) and auto-allocation (DOMAIN.md), hooked to
// plan activation/renewal (offline payment approval) and to channel creation by an active user.
const h = await startChannelHarness();
const { pool, testApp } = h;
const DAY = 86_400_000;
const runAutoAllocate = (userId: string) => testApp.jobs!.runNow(autoAllocateChannelsJob, { userId, reason: 'test' });
const queuedAutoAllocations = async (userId: string) =>
  Number((await pool.query(`SELECT count(*) FROM pgboss.job WHERE name = 'channels.auto-allocate' AND data->>'userId' = $1`, [userId])).rows[0].count);

async function fresh(days = 30) {
  await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
  const owner = await h.userWithPlan({ channels: -1, days });
  return { owner, channel: await h.createChannel(owner.id) };
}

describe('expiry', () => {
  it('is expired from the very second now ≥ expires_at, in reads and in the sweeper', async () => {
    const { owner, channel } = await fresh();
    await h.topUp(1);
    await h.extend(channel.id, 1);
    const boundary = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    await pool.query(`UPDATE channels SET expires_at = $2 WHERE id = $1`, [channel.id, boundary]);
    const before = (await owner.client.get(`/api/channels/${channel.id}`)).json().channel;
    expect(before).toMatchObject({ status: 'active', daysLeft: 1, qr: { available: true, reason: null } });

    expect(await expireChannels(testApp.database.db, new Date(boundary.getTime() - 1))).not.toContain(channel.id);
    expect((await h.channelRow(channel.id)).status).toBe('active');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, boundary.getTime() - Date.now() + 20)));
    // Between sweeps, reads already say expired.
    const after = (await owner.client.get(`/api/channels/${channel.id}`)).json().channel;
    expect(after).toMatchObject({ status: 'expired', daysLeft: 0, displayStatus: 'suspended', qr: { available: false, reason: CHANNEL_MESSAGES.qrExpired } });
    expect((await h.channelRow(channel.id)).status).toBe('active');

    const seen: UserEvent[] = [];
    const unsubscribe = testApp.bus.subscribe(owner.id, (event) => seen.push(event));
    expect(await expireChannels(testApp.database.db, boundary)).toEqual([channel.id]);
    await testApp.jobs!.runNow(expireChannelsJob, {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    unsubscribe();
    expect((await h.channelRow(channel.id)).status).toBe('expired');
    expect(seen.filter((e) => e.type === 'channel.updated').map((e) => e.data)).toEqual([
      { channelId: channel.id, status: 'expired', authStatus: 'pending', deleted: false, message: null },
    ]);
    const admin = (await h.admin.client.get(`/api/admin/channels?userId=${owner.id}&status=suspended`)).json();
    expect(admin.items.map((c: { id: string }) => c.id)).toEqual([channel.id]);
  });
});

/** A hand-built multipart upload of an offline payment, as the browser sends it. */
async function payOffline(client: TestClient, planId: string) {
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]),
    Buffer.alloc(64, 0x11),
  ]);
  const boundary = '----channels-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="planId"\r\n\r\n${planId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="reference"\r\n\r\nRENEW-1\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="proof"; filename="r.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/payments/offline',
    headers: {
      origin: h.origin,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().payment.id as string;
}

describe('auto-allocation', () => {
  it('follows a renewal approved by an admin: min(period, remaining) from the main balance, once per paid day', async () => {
    const { owner, channel } = await fresh(10);
    await h.topUp(100);
    const balance = await h.mainBalance();
    const planId = (await pool.query(`SELECT plan_id FROM subscriptions WHERE user_id = $1 AND is_current`, [owner.id])).rows[0].plan_id;
    const paymentId = await payOffline(owner.client, planId);
    const queuedBefore = await queuedAutoAllocations(owner.id);
    expect((await h.admin.client.post(`/api/admin/payments/${paymentId}/approve`, {})).statusCode).toBe(200);
    expect(await queuedAutoAllocations(owner.id)).toBe(queuedBefore + 1);

    await runAutoAllocate(owner.id);
    let row = await h.channelRow(channel.id);
    // 10 days left + 30 paid = 40 remaining; the period caps one allocation at 30.
    expect(row.status).toBe('active');
    expect(Math.round((row.expires_at.getTime() - Date.now()) / DAY)).toBe(30);
    expect(await h.mainBalance()).toBe(balance - 30);
    const ledger = await pool.query(`SELECT days, actor_id, note FROM balance_transactions WHERE type = 'allocate' AND channel_id = $1`, [channel.id]);
    expect(ledger.rows).toEqual([{ days: 30, actor_id: null, note: 'WHAPI extend successful' }]);
    const audit = await pool.query(`SELECT actor_id, meta FROM audit_log WHERE action = 'channel.activate' AND target_id = $1`, [channel.id]);
    expect(audit.rows).toEqual([{ actor_id: null, meta: expect.objectContaining({ auto: 'test', days: 30 }) }]);

    // Running again only tops the channel up to the paid end, never past it.
    await runAutoAllocate(owner.id);
    await runAutoAllocate(owner.id);
    row = await h.channelRow(channel.id);
    const serviceEnd = (await pool.query(`SELECT service_ends_at FROM subscriptions WHERE user_id = $1 AND is_current`, [owner.id])).rows[0].service_ends_at;
    expect(row.expires_at.getTime()).toBeGreaterThanOrEqual(serviceEnd.getTime());
    expect(row.expires_at.getTime() - serviceEnd.getTime()).toBeLessThan(DAY);
    expect(await h.mainBalance()).toBe(balance - 40);
  });

  it('is queued when an active user adds a channel, and gives it the user’s remaining days', async () => {
    const owner = await h.userWithPlan({ days: 12 });
    await h.topUp(12);
    const created = await owner.client.post('/api/channels', { name: 'Self-made', phone: '+97336123456' });
    expect(created.json().autoAllocationQueued).toBe(true);
    expect(await queuedAutoAllocations(owner.id)).toBe(1);
    await runAutoAllocate(owner.id);
    const card = (await owner.client.get('/api/channels')).json().channels[0];
    expect(card).toMatchObject({ status: 'active', daysLeft: 12 });
  });

  it('does nothing while the admin switch is off, for a banned owner, or without main balance', async () => {
    const { owner, channel } = await fresh(20);
    await h.topUp(40);
    await pool.query(`UPDATE app_settings SET auto_allocate = false`);
    await runAutoAllocate(owner.id);
    expect((await h.channelRow(channel.id)).status).toBe('pending');
    const created = await owner.client.post('/api/channels', { name: 'While off', phone: '+97336123456' });
    expect(created.json().autoAllocationQueued).toBe(false);
    await pool.query(`UPDATE app_settings SET auto_allocate = true`);

    await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [owner.id]);
    await runAutoAllocate(owner.id);
    expect((await h.channelRow(channel.id)).status).toBe('pending');
    await pool.query(`UPDATE users SET banned = false WHERE id = $1`, [owner.id]);

    const balance = await h.mainBalance();
    await h.testApp.database.db.transaction((tx) => changeMainBalance(tx, { type: 'sync', days: -balance, actorId: null, note: 'test: drain' }));
    await runAutoAllocate(owner.id); // no throw: a missing balance is not worth a retry
    expect((await h.channelRow(channel.id)).status).toBe('pending');
    expect(await h.mainBalance()).toBe(0);
  });

  it('leaves channels that already run to the end of the paid time alone', async () => {
    const { owner, channel } = await fresh(5);
    await h.topUp(10);
    expect((await h.extend(channel.id, 10)).statusCode).toBe(200);
    const balance = await h.mainBalance();
    await runAutoAllocate(owner.id);
    expect(await h.mainBalance()).toBe(balance);
  });
});
