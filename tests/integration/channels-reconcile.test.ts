import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/contracts/errors';
import { reconcileChannelOperationsJob } from '../../src/server/features/channels/channel-jobs-refs';
import { startOperation } from '../../src/server/features/channels/channel-operations';
import { startChannelHarness } from './channels-harness';

// QUALITY L8: WHAPI and our database cannot share a transaction. A crash between WHAPI's answer and our commit
// (and the reverse) is simulated by recording a started operation, as the use-case does before calling WHAPI,
// and then doing — or not doing — WHAPI's part directly. One reconciler pass must leave 0 lost or extra days
// and 0 orphan channels.
const h = await startChannelHarness();
const { pool } = h;
const DAY = 86_400_000;
const db = h.testApp.database.db;
const reconcile = () => h.testApp.jobs!.runNow(reconcileChannelOperationsJob, { olderThanSeconds: 0 });
const partner = (method: string, path: string, body?: unknown) =>
  fetch(`${h.sim.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${h.sim.partnerToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const opState = async (id: string) => (await pool.query(`SELECT state FROM channel_operations WHERE id = $1`, [id])).rows[0].state;

async function crashedExtend(days: number, options: { whapiDidIt: boolean; notedBefore?: boolean }) {
  await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
  const owner = await h.userWithPlan();
  const channel = await h.createChannel(owner.id);
  const activeTill = (await h.simChannel(channel.channelRef))!.activeTill;
  const op = await db.transaction((tx) =>
    startOperation(tx, {
      kind: 'extend',
      channelId: channel.id,
      userId: owner.id,
      actorId: h.admin.id,
      days,
      request: {
        fingerprint: JSON.stringify({ channelId: channel.id, days }),
        channelRef: channel.channelRef,
        ...(options.notedBefore === false ? {} : { activeTillBefore: new Date(activeTill).toISOString(), modeBefore: 'trial' }),
      },
    }),
  );
  if (options.whapiDidIt) {
    const extended = await partner('POST', `/channels/${channel.channelRef}/extend`, { days, comment: `Top-up for ${owner.email} · ref ${op.id}` });
    expect(extended.status).toBe(200);
  }
  return { owner, channel, op };
}

describe('the reconciler (QUALITY L8)', () => {
  it('commits an extend WHAPI carried out before we crashed: days, ledger and audit exactly once', async () => {
    await h.topUp(12);
    const balance = await h.mainBalance();
    const { channel, op } = await crashedExtend(12, { whapiDidIt: true });
    // While it is unsettled its days stay reserved: nobody else can spend them.
    const other = await h.createChannel((await h.userWithPlan()).id, 'Other');
    const blocked = await h.extend(other.id, balance - 11);
    expect(blocked.json().error).toEqual({ code: 'INSUFFICIENT_BALANCE', message: MESSAGES.insufficientMainBalance });

    await reconcile();
    expect(await opState(op.id)).toBe('repaired');
    const row = await h.channelRow(channel.id);
    expect(row.status).toBe('active');
    expect(row.expires_at.getTime() - row.active_from.getTime()).toBe(12 * DAY);
    expect(await h.mainBalance()).toBe(balance - 12);
    expect(await h.ledgerSum()).toBe(balance - 12);
    const ledger = await pool.query(`SELECT days, op_id, note FROM balance_transactions WHERE type = 'allocate' AND channel_id = $1`, [channel.id]);
    expect(ledger.rows).toEqual([{ days: 12, op_id: op.id, note: 'WHAPI extend successful' }]);
    const audit = await pool.query(`SELECT meta FROM audit_log WHERE action = 'channel.activate' AND target_id = $1`, [channel.id]);
    expect(audit.rows).toEqual([{ meta: expect.objectContaining({ repairedByReconciler: true, operationId: op.id }) }]);
    // The channel had paid days while WHAPI still had it in trial: the reconciler switches it to live too.
    expect((await h.simChannel(channel.channelRef))!.mode).toBe('live');

    await reconcile();
    expect(await h.mainBalance()).toBe(balance - 12);
    expect((await pool.query(`SELECT count(*)::int AS n FROM balance_transactions WHERE op_id = $1`, [op.id])).rows[0].n).toBe(1);
  });

  it('reverts an extend WHAPI never carried out: no day moves, the reservation is released', async () => {
    await h.topUp(9);
    const balance = await h.mainBalance();
    const { channel, op } = await crashedExtend(9, { whapiDidIt: false });
    const { op: unnoted } = await crashedExtend(9, { whapiDidIt: false, notedBefore: false });
    await reconcile();
    expect(await opState(op.id)).toBe('reverted');
    expect(await opState(unnoted.id)).toBe('reverted');
    expect(await h.mainBalance()).toBe(balance);
    expect((await h.channelRow(channel.id)).status).toBe('pending');
    expect((await h.extend(channel.id, 9)).statusCode).toBe(200);
  });

  it('leaves operations that may still be waiting for WHAPI alone', async () => {
    await h.topUp(3);
    const { op } = await crashedExtend(3, { whapiDidIt: true });
    await h.testApp.jobs!.runNow(reconcileChannelOperationsJob, {});
    expect(await opState(op.id)).toBe('started');
    await reconcile();
    expect(await opState(op.id)).toBe('repaired');
  });

  it('finishes a delete WHAPI carried out, refunding once, and reverts one it did not', async () => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const owner = await h.userWithPlan({ channels: -1 });
    const [done, notDone] = [await h.createChannel(owner.id, 'Done'), await h.createChannel(owner.id, 'Not done')];
    await h.topUp(10);
    for (const channel of [done, notDone]) expect((await h.extend(channel.id, 5)).statusCode).toBe(200);
    const balance = await h.mainBalance();
    const ops = [];
    for (const channel of [done, notDone]) {
      ops.push(
        await db.transaction((tx) =>
          startOperation(tx, {
            kind: 'delete',
            channelId: channel.id,
            userId: owner.id,
            actorId: h.admin.id,
            request: { fingerprint: JSON.stringify({ channelId: channel.id }), channelRef: channel.channelRef },
          }),
        ),
      );
    }
    expect((await partner('DELETE', `/channels/${done.channelRef}`)).status).toBe(200);
    await reconcile();
    expect(await opState(ops[0]!.id)).toBe('repaired');
    expect(await opState(ops[1]!.id)).toBe('reverted');
    expect((await h.channelRow(done.id)).deleted_at).not.toBeNull();
    expect((await h.channelRow(notDone.id)).deleted_at).toBeNull();
    // 5 days allocated a moment ago: 4 whole days and almost 24 hours left → 4 refunded.
    expect(await h.mainBalance()).toBe(balance + 4);
    expect(await h.ledgerSum()).toBe(balance + 4);
  });

  it('deletes a channel WHAPI made for a create that crashed before we stored it (no orphans)', async () => {
    await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
    const owner = await h.userWithPlan();
    const projectId = (await pool.query(`SELECT project_id FROM whapi_settings`)).rows[0].project_id;
    const make = async (name: string) => (await (await partner('PUT', '/channels', { name, projectId })).json()).id as string;
    const start = (name: string) =>
      db.transaction((tx) => startOperation(tx, { kind: 'create', userId: owner.id, actorId: owner.id, request: { name, phone: '+97336123456' } }));
    // One crash after WHAPI answered and we noted its id; one before we could note anything.
    const noted = await start('Crash after note');
    const notedRef = await make('Crash after note');
    await pool.query(`UPDATE channel_operations SET result = $2 WHERE id = $1`, [noted.id, { channelRef: notedRef }]);
    const unnoted = await start('Crash before note');
    const unnotedRef = await make('Crash before note');
    // Counted against the limit while unsettled.
    expect((await owner.client.get('/api/channels')).json().guard.used).toBe(2);

    await reconcile();
    expect(await opState(noted.id)).toBe('reverted');
    expect(await opState(unnoted.id)).toBe('reverted');
    expect(await h.simChannel(notedRef)).toBeUndefined();
    expect(await h.simChannel(unnotedRef)).toBeUndefined();
    expect((await pool.query(`SELECT count(*)::int AS n FROM channels WHERE user_id = $1`, [owner.id])).rows[0].n).toBe(0);
    expect((await owner.client.get('/api/channels')).json().guard.used).toBe(0);
  });
});
