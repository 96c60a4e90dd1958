import { describe, expect, it } from 'vitest';
import { CHANNEL_MESSAGES } from '../../src/contracts/channels';
import { startChannelHarness } from './channels-harness';

// DOMAIN.md "Channels" → Delete and QUALITY L4: WHAPI first, then soft delete and a refund of the whole unused
// days (floor), once; any WHAPI failure leaves everything as it was.
const h = await startChannelHarness();
const { pool } = h;
const DAY = 86_400_000;
const HOUR = 3_600_000;

async function activeChannel(remainingMs: number | null) {
  const owner = await h.userWithPlan({ channels: -1 });
  const channel = await h.createChannel(owner.id);
  if (remainingMs !== null) {
    await h.topUp(1);
    expect((await h.extend(channel.id, 1)).statusCode).toBe(200);
    await pool.query(`UPDATE channels SET expires_at = now() + make_interval(secs => $2::double precision / 1000) WHERE id = $1`, [
      channel.id,
      remainingMs,
    ]);
  }
  return { owner, channel };
}

const del = (id: string, headers: Record<string, string> = {}) => h.admin.client.request('DELETE', `/api/admin/channels/${id}`, undefined, headers);
const refundRows = async (channelId: string) =>
  (await pool.query(`SELECT days, note, actor_id, op_id FROM balance_transactions WHERE type = 'refund' AND channel_id = $1`, [channelId])).rows;

describe('refund of unused days: floor of what is left', () => {
  const cases: [string, number, number][] = [
    ['10 days and 1 minute', 10, 10 * DAY + 60_000],
    ['10 days and 6 hours', 10, 10 * DAY + 6 * HOUR],
    ['10 days and 12 hours', 10, 10 * DAY + 12 * HOUR],
    ['10 days and 23 h 59 min', 10, 10 * DAY + 23 * HOUR + 59 * 60_000],
    ['3 days and 5 seconds', 3, 3 * DAY + 5_000],
    ['23 h 59 min', 0, 23 * HOUR + 59 * 60_000],
  ];
  it.each(cases)('refunds %s left as %i day(s), as the preview said, with ledger and audit', async (_label, expected, remaining) => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const { owner, channel } = await activeChannel(remaining);
    const preview = (await h.admin.client.get(`/api/admin/channels/${channel.id}/delete-preview`)).json();
    expect(preview).toMatchObject({ channelId: channel.id, refundDays: expected });
    const balance = await h.mainBalance();
    const response = await del(channel.id);
    expect(response.statusCode, response.body).toBe(200);
    const reply = response.json();
    expect(reply).toMatchObject({ refundedDays: expected, mainBalanceDays: balance + expected, whapiStatus: 200 });
    expect(reply.message).toBe('Channel deleted successfully. Unused days have been credited back to your balance.');
    expect(await h.mainBalance()).toBe(balance + expected);
    expect(await h.ledgerSum()).toBe(await h.mainBalance());
    expect(await refundRows(channel.id)).toEqual(
      expected > 0 ? [{ days: expected, note: 'WHAPI delete successful — unused days returned', actor_id: h.admin.id, op_id: reply.operationId }] : [],
    );
    const row = await h.channelRow(channel.id);
    expect(row.deleted_at).not.toBeNull();
    expect(await h.simChannel(channel.channelRef)).toBeUndefined();
    const audit = (await pool.query(`SELECT meta FROM audit_log WHERE action = 'channel.delete' AND target_id = $1`, [channel.id])).rows;
    expect(audit).toEqual([{ meta: expect.objectContaining({ whapiStatus: 200, refundDays: expected, whapiBodySha256: expect.stringMatching(/^[0-9a-f]{64}$/) }) }]);
    // Gone from the owner's list and counted out of the limit; gone from the admin list.
    const list = (await owner.client.get('/api/channels')).json();
    expect(list.channels).toEqual([]);
    expect(list.guard.used).toBe(0);
    const adminList = (await h.admin.client.get(`/api/admin/channels?userId=${owner.id}`)).json();
    expect(adminList.total).toBe(0);
    expect((await del(channel.id)).statusCode).toBe(404);
  });

  it('refunds nothing for a pending or an expired channel', async () => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    for (const remaining of [null, -5 * HOUR]) {
      const { channel } = await activeChannel(remaining);
      const balance = await h.mainBalance();
      expect((await del(channel.id)).json()).toMatchObject({ refundedDays: 0, mainBalanceDays: balance });
      expect(await refundRows(channel.id)).toEqual([]);
    }
  });
});

describe('when WHAPI cannot delete', () => {
  const failures: [string, number][] = [
    ['500', 500],
    ['503', 503],
    ['401', 401],
  ];
  it.each(failures)('a %s shows WHAPI’s error and deletes and refunds nothing', async (_label, status) => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const { channel } = await activeChannel(5 * DAY + HOUR);
    const balance = await h.mainBalance();
    await h.fault({ method: 'DELETE', path: '/channels/:id', status, times: 3, body: { error: { code: status, message: `Delete refused ${status}` } } });
    const response = await del(channel.id);
    await h.clearFaults();
    if (status === 401) expect((await h.admin.client.post('/api/admin/settings/whapi/test', {})).statusCode).toBe(200);
    expect(response.statusCode).toBeGreaterThanOrEqual(500);
    expect(response.json().error.message).toContain(`Delete refused ${status}`);
    expect((await h.channelRow(channel.id)).deleted_at).toBeNull();
    expect(await h.simChannel(channel.channelRef)).toBeDefined();
    expect(await h.mainBalance()).toBe(balance);
    expect(await refundRows(channel.id)).toEqual([]);
    // Nothing is left half-done: the admin can try again at once.
    expect((await del(channel.id)).statusCode).toBe(200);
  });

  it('treats WHAPI’s 404 (already gone there) as success, refunding by our clock', async () => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const { channel } = await activeChannel(4 * DAY + HOUR);
    const gone = await fetch(`${h.sim.url}/channels/${channel.channelRef}`, { method: 'DELETE', headers: { authorization: `Bearer ${h.sim.partnerToken}` } });
    expect(gone.status).toBe(200);
    const response = await del(channel.id);
    expect(response.json()).toMatchObject({ whapiStatus: 404, refundedDays: 4, message: CHANNEL_MESSAGES.deleted });
  });
});

describe('delete races (QUALITY L4) and retries (L3)', () => {
  it('20 concurrent deletes of one channel refund once', async () => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const { channel } = await activeChannel(6 * DAY + HOUR);
    const balance = await h.mainBalance();
    const results = await Promise.all(Array.from({ length: 20 }, () => del(channel.id)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.every((r) => [200, 404, 409].includes(r.statusCode))).toBe(true);
    expect(await refundRows(channel.id)).toHaveLength(1);
    expect(await h.mainBalance()).toBe(balance + 6);
  });

  it('answers a repeated Idempotency-Key with the first answer', async () => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const { channel } = await activeChannel(2 * DAY + HOUR);
    const key = { 'idempotency-key': `delete-${channel.id}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => del(channel.id, key)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(await refundRows(channel.id)).toHaveLength(1);
  });
});
