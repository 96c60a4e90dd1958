import { describe, expect, it } from 'vitest';
import { CHANNEL_MESSAGES } from '../../src/contracts/channels';
import { MESSAGES } from '../../src/contracts/errors';
import { changeMainBalance } from '../../src/server/features/balances/change-main-balance';
import { startChannelHarness } from './channels-harness';

// DOMAIN.md "Allocation (extend) rules" and QUALITY L1, L2, L3: days move from the main balance to a channel only
// when WHAPI extended it, exactly once, and never beyond the balance, however many requests race.
const h = await startChannelHarness();
const { pool } = h;
const DAY = 86_400_000;

type Billing = { days: number; comment: string }[];
const billingOf = async (ref: string) => ((await h.simChannel(ref))?.billing ?? []) as Billing;

describe('Activate (N days) and Extend Days', () => {
  it('activates a pending channel: WHAPI extend with our ref, clock set, balance −N, ledger, audit, live mode', async () => {
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    await h.topUp(100);
    const activeTillBefore = (await h.simChannel(channel.channelRef))!.activeTill;
    const started = Date.now();
    const response = await h.extend(channel.id, 30);
    expect(response.statusCode, response.body).toBe(200);
    const reply = response.json();
    expect(reply).toMatchObject({ days: 30, mainBalanceDays: 70, message: 'Channel activated for 30 days.' });
    expect(reply.channel).toMatchObject({ status: 'active', daysLeft: 30, displayStatus: 'unauthorized' });

    const row = await h.channelRow(channel.id);
    expect(row.status).toBe('active');
    expect(row.active_from.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(row.expires_at.getTime() - row.active_from.getTime()).toBe(30 * DAY);
    expect(await h.mainBalance()).toBe(70);
    expect(await h.ledgerSum()).toBe(70);

    const { rows: ledger } = await pool.query(`SELECT type, days, channel_id, user_id, actor_id, note, op_id FROM balance_transactions WHERE type = 'allocate'`);
    expect(ledger).toEqual([
      { type: 'allocate', days: 30, channel_id: channel.id, user_id: owner.id, actor_id: h.admin.id, note: 'WHAPI extend successful', op_id: reply.operationId },
    ]);
    const billing = await billingOf(channel.channelRef);
    expect(billing).toEqual([expect.objectContaining({ days: 30, comment: `Top-up for ${owner.email} · ref ${reply.operationId}` })]);
    const remote = (await h.simChannel(channel.channelRef))!;
    expect(remote.activeTill - activeTillBefore).toBeGreaterThanOrEqual(30 * DAY);
    // WHAPI had the new channel in trial: paid days switch it to live (NOTES A12).
    expect(remote.mode).toBe('live');
    expect(row.mode).toBe('live');
    const audit = await pool.query(`SELECT action, actor_id, meta FROM audit_log WHERE target_id = $1 AND action LIKE 'channel.%' ORDER BY id`, [channel.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['channel.create', 'channel.activate']);
    expect(audit.rows[1].meta).toMatchObject({ days: 30, operationId: reply.operationId, mainBalanceAfter: 70 });
    const op = await pool.query(`SELECT state FROM channel_operations WHERE id = $1`, [reply.operationId]);
    expect(op.rows[0].state).toBe('succeeded');
  });

  it('re-extends before expiry keeping the time left, and restarts the clock from now once expired', async () => {
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    await h.topUp(20);
    expect((await h.extend(channel.id, 5)).statusCode).toBe(200);
    const left = new Date(Date.now() + 10 * DAY + 5 * 3_600_000);
    await pool.query(`UPDATE channels SET expires_at = $2 WHERE id = $1`, [channel.id, left]);
    const again = await h.extend(channel.id, 5);
    expect(again.json()).toMatchObject({ message: 'Channel extended by 5 days.', channel: { daysLeft: 16 } });
    const row = await h.channelRow(channel.id);
    expect(row.expires_at.getTime()).toBe(left.getTime() + 5 * DAY);

    const expiredAt = new Date(Date.now() - 2 * DAY);
    await pool.query(`UPDATE channels SET expires_at = $2, status = 'expired' WHERE id = $1`, [channel.id, expiredAt]);
    const before = Date.now();
    expect((await h.extend(channel.id, 3)).statusCode).toBe(200);
    const renewed = await h.channelRow(channel.id);
    expect(renewed.status).toBe('active');
    expect(renewed.active_from.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(renewed.expires_at.getTime() - renewed.active_from.getTime()).toBe(3 * DAY);
  });

  it('refuses more days than the main balance holds with the exact message, before calling WHAPI', async () => {
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    const balance = await h.mainBalance();
    const response = await h.extend(channel.id, balance + 1);
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toEqual({ code: 'INSUFFICIENT_BALANCE', message: MESSAGES.insufficientMainBalance });
    expect(MESSAGES.insufficientMainBalance).toBe('Insufficient main balance. Top up in Admin → Balances.');
    expect(await billingOf(channel.channelRef)).toEqual([]);
    expect(await h.mainBalance()).toBe(balance);
    expect((await h.channelRow(channel.id)).status).toBe('pending');
  });

  it('changes nothing when WHAPI refuses the extend, and shows WHAPI’s text', async () => {
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    await h.topUp(10);
    const balance = await h.mainBalance();
    const partner = (await h.simState()).partner.balanceDays as number;
    await h.simCall('POST', '/__sim/partner/balance', { days: 2 });
    const refused = await h.extend(channel.id, 5);
    await h.simCall('POST', '/__sim/partner/balance', { days: partner });
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error.message).toContain('Not enough days on the partner balance');

    await h.fault({ method: 'POST', path: '/channels/:id/extend', status: 500, times: 1, body: { error: { code: 500, message: 'Extend exploded' } } });
    const failed = await h.extend(channel.id, 5);
    await h.clearFaults();
    expect(failed.statusCode).toBe(503);
    expect(failed.json().error.message).toContain('Extend exploded');

    expect(await h.mainBalance()).toBe(balance);
    expect(await h.ledgerSum()).toBe(balance);
    expect((await h.channelRow(channel.id)).status).toBe('pending');
    const ops = await pool.query(`SELECT state FROM channel_operations WHERE channel_id = $1 AND kind = 'extend'`, [channel.id]);
    expect(ops.rows.map((r) => r.state)).toEqual(['failed', 'failed']);
    // Nothing is held back: the next extend goes through.
    expect((await h.extend(channel.id, 5)).statusCode).toBe(200);
  });

  it('refuses to allocate to a banned owner’s channel', async () => {
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    await h.topUp(5);
    await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [owner.id]);
    const response = await h.extend(channel.id, 5);
    expect(response.json().error).toEqual({ code: 'CONFLICT', message: CHANNEL_MESSAGES.ownerBanned });
    await pool.query(`UPDATE users SET banned = false WHERE id = $1`, [owner.id]);
  });
});

describe('races on the main balance (QUALITY L1, L2, L3)', () => {
  async function drain() {
    const balance = await h.mainBalance();
    if (balance > 0) {
      await h.testApp.database.db.transaction((tx) =>
        changeMainBalance(tx, { type: 'sync', days: -balance, actorId: null, note: 'test: drain' }),
      );
    }
  }

  it('L1: 200 concurrent “extend 30 days” on a balance of 30 → one succeeds, 199 get a clear 409', async () => {
    await drain();
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    await h.topUp(30);
    const results = await Promise.all(Array.from({ length: 200 }, () => h.extend(channel.id, 30)));
    const ok = results.filter((r) => r.statusCode === 200);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(199);
    for (const r of refused) expect(['INSUFFICIENT_BALANCE', 'CONFLICT']).toContain(r.json().error.code);
    expect(await h.mainBalance()).toBe(0);
    expect(await h.ledgerSum()).toBe(0);
    expect(await billingOf(channel.channelRef)).toHaveLength(1);
  });

  it('L2: 200 concurrent 1-day allocations on a balance of 30 → exactly 30 succeed, 30 WHAPI extends', async () => {
    await drain();
    const owner = await h.userWithPlan({ channels: -1 });
    const channels: { id: string; channelRef: string }[] = [];
    for (let batch = 0; batch < 10; batch++) {
      // WHAPI allows 20 creations per 30 minutes (NOTES A1): move the simulator's clock on between batches.
      await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
      channels.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => h.createChannel(owner.id, `Bulk ${batch}-${i}`)))));
    }
    await h.topUp(30);
    const results = await Promise.all(channels.map((channel) => h.extend(channel.id, 1)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(30);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'INSUFFICIENT_BALANCE')).toBe(true);
    expect(await h.mainBalance()).toBe(0);
    expect(await h.ledgerSum()).toBe(0);
    const extended = ((await h.simState()).channels as { id: string; billing: unknown[] }[]).filter(
      (c) => channels.some((ours) => ours.channelRef === c.id) && c.billing.length > 0,
    );
    expect(extended).toHaveLength(30);
  }, 120_000);

  it('L3: the same Idempotency-Key 50× at once has one effect and 50 identical answers; another body → 422', async () => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    await h.topUp(7);
    const balance = await h.mainBalance();
    const key = { 'idempotency-key': `extend-${channel.id}` };
    const results = await Promise.all(Array.from({ length: 50 }, () => h.extend(channel.id, 7, key)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(await h.mainBalance()).toBe(balance - 7);
    expect(await billingOf(channel.channelRef)).toHaveLength(1);
    const later = await h.extend(channel.id, 7, key);
    expect(later.body).toBe(results[0]!.body);
    const other = await h.extend(channel.id, 8, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('UNPROCESSABLE');
    expect(await h.mainBalance()).toBe(balance - 7);
  });
});
