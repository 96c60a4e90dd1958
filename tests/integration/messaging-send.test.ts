import { describe, expect, it } from 'vitest';
import { MESSAGING_MESSAGES } from '../../src/contracts/messaging';
import { applyChannelEventJob } from '../../src/server/features/channels/channel-jobs-refs';
import { deliverMessageJob, sweepMessagingJob } from '../../src/server/features/messaging/messaging-job-refs';
import { startChannelHarness } from './channels-harness';
import { linkedSender, outboxRows, simSent } from './messaging-fixtures';

// Page Send (DOMAIN.md "Messaging"): outbox first, a job sends through the channel's token, statuses only move
// forward; the daily limit holds under concurrency (QUALITY P2's correctness half); a ban stops queued sends (S2).
const h = await startChannelHarness();
const { pool, testApp } = h;
const jobs = () => testApp.jobs!;

async function applyPendingEvents(channelRef: string) {
  const { rows } = await pool.query(`SELECT id FROM webhook_events WHERE subject_ref = $1 AND processed_at IS NULL ORDER BY id`, [channelRef]);
  for (const row of rows) await jobs().runNow(applyChannelEventJob, { eventId: Number(row.id) });
}

/** Waits until the simulator's status webhook saying `status` for that message has reached us. */
async function waitForStatus(channelRef: string, messageId: string, status: string) {
  for (let i = 0; i < 250; i++) {
    const { rows } = await pool.query(
      `SELECT 1 FROM webhook_events, jsonb_array_elements(payload->'statuses') s
       WHERE subject_ref = $1 AND s->>'id' = $2 AND s->>'status' = $3`,
      [channelRef, messageId, status],
    );
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the ${status} status webhook did not arrive`);
}

describe('Send', () => {
  it('queues, sends with the channel token, then moves forward on status webhooks only', async () => {
    const { owner, channel } = await linkedSender(h);
    const options = (await owner.client.get('/api/send/options')).json();
    expect(options.channels).toEqual([expect.objectContaining({ id: channel.id, sendable: true, reason: null })]);
    expect(options.usage.daily).toMatchObject({ used: 0, limit: 200 });

    const sent = await owner.client.post('/api/messages', { channelId: channel.id, to: '+1 415 555 0123', body: 'Your order has shipped' });
    expect(sent.statusCode, sent.body).toBe(201);
    const reply = sent.json();
    expect(reply).toMatchObject({ notice: MESSAGING_MESSAGES.queued, message: { to: '+14155550123', status: 'queued' } });
    expect(reply.usage.daily.used).toBe(1);
    expect(await simSent(h, channel.channelRef)).toEqual([]);

    await jobs().runNow(deliverMessageJob, { messageId: Number(reply.message.id) });
    const [row] = await outboxRows(h, 'id = $1', [reply.message.id]);
    expect(row).toMatchObject({ status: 'sent', error: null });
    expect(await simSent(h, channel.channelRef)).toEqual([{ id: row.whapi_message_id, to: '14155550123', body: 'Your order has shipped' }]);
    // Running the job again sends nothing more (pg-boss delivers at least once).
    await jobs().runNow(deliverMessageJob, { messageId: Number(reply.message.id) });
    expect(await simSent(h, channel.channelRef)).toHaveLength(1);

    await h.simCall('POST', `/__sim/messages/${row.whapi_message_id}/status`, { status: 'read' });
    await waitForStatus(channel.channelRef, row.whapi_message_id, 'read');
    await applyPendingEvents(channel.channelRef);
    const [read] = await outboxRows(h, 'id = $1', [reply.message.id]);
    expect(read.status).toBe('read');
    expect(read.read_at).not.toBeNull();
    // A late "delivered" after "read" changes nothing.
    const late = { statuses: [{ id: row.whapi_message_id, code: 3, status: 'delivered', recipient_id: '14155550123@s.whatsapp.net', timestamp: '1800000000' }], event: { type: 'statuses', event: 'post' }, channel_id: channel.channelRef };
    const secret = testApp.services.box.open((await pool.query(`SELECT webhook_secret_sealed FROM whapi_settings`)).rows[0].webhook_secret_sealed);
    await testApp.app.inject({ method: 'POST', url: `/api/webhooks/whapi/channels/${channel.channelRef}/${secret}`, payload: late });
    await applyPendingEvents(channel.channelRef);
    expect((await outboxRows(h, 'id = $1', [reply.message.id]))[0].status).toBe('read');

    const recent = (await owner.client.get('/api/send/options')).json().recent;
    expect(recent).toEqual([expect.objectContaining({ id: reply.message.id, status: 'read', channelName: 'Sales line' })]);
    const outbox = (await owner.client.get('/api/outbox?search=4155')).json();
    expect(outbox).toMatchObject({ total: 1, items: [{ id: reply.message.id }] });
  });

  it('refuses bad input with field errors, another user’s channel and an unlinked channel, changing nothing', async () => {
    const { owner, channel } = await linkedSender(h);
    const other = await linkedSender(h);
    const bad = await owner.client.post('/api/messages', { channelId: channel.id, to: '12', body: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['body', 'to']);
    const foreign = await owner.client.post('/api/messages', { channelId: other.channel.id, to: '+14155550123', body: 'hi' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields).toEqual({ channelId: 'Choose one of your channels.' });
    await pool.query(`UPDATE channels SET auth_status = 'disconnected' WHERE id = $1`, [channel.id]);
    const unlinked = await owner.client.post('/api/messages', { channelId: channel.id, to: '+14155550123', body: 'hi' });
    expect(unlinked.statusCode).toBe(409);
    expect(unlinked.json().error.message).toBe(MESSAGING_MESSAGES.channelNotReady);
    expect(await outboxRows(h, 'user_id = $1', [owner.id])).toEqual([]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM message_usage WHERE user_id = $1 AND used > 0`, [owner.id])).rows[0].n).toBe(0);
  });

  it('never lets concurrent sends overshoot the daily limit', async () => {
    const { owner, channel } = await linkedSender(h, { limits: { daily: 5 } });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        owner.client.post('/api/messages', { channelId: channel.id, to: `+1415555${String(1000 + i)}`, body: `Hello ${i}` }),
      ),
    );
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(5);
    const refused = replies.filter((r) => r.statusCode === 403);
    expect(refused).toHaveLength(15);
    expect(refused[0]!.json().error).toMatchObject({ code: 'LIMIT_REACHED', message: MESSAGING_MESSAGES.dailyLimit });
    expect(await outboxRows(h, 'user_id = $1', [owner.id])).toHaveLength(5);
    expect((await owner.client.get('/api/send/options')).json().usage.daily).toMatchObject({ used: 5, limit: 5 });
  });

  it('S2: a banned user’s queued message is not sent; unban sends it', async () => {
    const { owner, channel } = await linkedSender(h);
    const queued = (await owner.client.post('/api/messages', { channelId: channel.id, to: '+14155550123', body: 'Before the ban' })).json();
    expect((await h.admin.client.post(`/api/admin/users/${owner.id}/ban`, { reason: 'Spam' })).statusCode).toBe(200);
    const logged: object[] = [];
    const original = testApp.services.log;
    testApp.services.log = { ...original, info: (obj) => logged.push(obj) };
    await jobs().runNow(deliverMessageJob, { messageId: Number(queued.message.id) });
    testApp.services.log = original;
    expect(await simSent(h, channel.channelRef)).toEqual([]);
    expect((await outboxRows(h, 'id = $1', [queued.message.id]))[0].status).toBe('queued');
    expect(logged).toContainEqual(expect.objectContaining({ outcome: 'user_banned', messageId: Number(queued.message.id) }));

    expect((await h.admin.client.post(`/api/admin/users/${owner.id}/unban`)).statusCode).toBe(200);
    // The unban enqueued this user's sweep with the change; run it and the delivery it restarts.
    const sweep = await pool.query(`SELECT data FROM pgboss.job WHERE name = $1 AND data->>'userId' = $2`, [sweepMessagingJob.name, owner.id]);
    expect(sweep.rows).toHaveLength(1);
    await jobs().runNow(sweepMessagingJob, { userId: owner.id });
    await jobs().runNow(deliverMessageJob, { messageId: Number(queued.message.id) });
    expect(await simSent(h, channel.channelRef)).toEqual([expect.objectContaining({ body: 'Before the ban' })]);
  });

  it('fails a message with WHAPI’s reason when the phone was unlinked behind our back', async () => {
    const { owner, channel } = await linkedSender(h);
    const queued = (await owner.client.post('/api/messages', { channelId: channel.id, to: '+14155550123', body: 'hi' })).json();
    await h.simCall('POST', `/__sim/channels/${channel.channelRef}/unlink`, {});
    await jobs().runNow(deliverMessageJob, { messageId: Number(queued.message.id) });
    const [row] = await outboxRows(h, 'id = $1', [queued.message.id]);
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/\S/);
  });
});
