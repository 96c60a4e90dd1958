import { describe, expect, it } from 'vitest';
import { CHANNEL_MESSAGES, QR_MAX_ROTATIONS } from '../../src/contracts/channels';
import { applyChannelEventJob } from '../../src/server/features/channels/channel-jobs-refs';
import type { UserEvent } from '../../src/server/realtime/event-bus';
import { startChannelHarness } from './channels-harness';

// QR linking (spec 000 §1d) and the channel webhook receiver (QUALITY W1, W2, S2, P7), against the simulator, whose
// webhooks reach the app on its real port.
const h = await startChannelHarness();
const { pool, testApp } = h;

async function activeChannel() {
  await h.simCall('POST', '/__sim/clock', { advanceMs: 31 * 60_000 });
  const owner = await h.userWithPlan({ channels: -1 });
  const channel = await h.createChannel(owner.id);
  await h.topUp(30);
  expect((await h.extend(channel.id, 30)).statusCode).toBe(200);
  return { owner, channel };
}

const secret = async () => testApp.services.box.open((await pool.query(`SELECT webhook_secret_sealed FROM whapi_settings`)).rows[0].webhook_secret_sealed);
const hook = async (ref: string, body: unknown, key?: string) =>
  testApp.app.inject({ method: 'POST', url: `/api/webhooks/whapi/channels/${ref}/${key ?? (await secret())}`, payload: body as object });
const events = async (ref: string) =>
  (await pool.query(`SELECT event_type, outcome, processed_at FROM webhook_events WHERE subject_ref = $1 ORDER BY id`, [ref])).rows;
async function settled(ref: string) {
  for (let i = 0; i < 100; i++) {
    const rows = await events(ref);
    if (rows.every((r) => r.processed_at)) return rows;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('events were not applied');
}
const authOf = async (id: string) => (await h.channelRow(id)).auth_status as string;
const usersEvent = (ref: string, method: 'post' | 'delete') => ({
  user: { id: '97336123456', name: 'Bob' },
  event: { type: 'users', event: method },
  channel_id: ref,
});
const healthEvent = (ref: string, text: string, at: number) => ({
  health: { start_at: at - 100, uptime: 100, status: { code: text === 'AUTH' ? 4 : 3, text }, version: 'test-injected' },
  event: { type: 'channel', event: 'post' },
  channel_id: ref,
});

describe('Show QR', () => {
  it('is blocked while pending, once expired, and for a banned owner, each with its reason', async () => {
    const owner = await h.userWithPlan();
    const channel = await h.createChannel(owner.id);
    const pending = await owner.client.post(`/api/channels/${channel.id}/qr`, {});
    expect(pending.json().error).toEqual({ code: 'CONFLICT', message: CHANNEL_MESSAGES.qrPending });
    await h.topUp(1);
    await h.extend(channel.id, 1);
    await pool.query(`UPDATE channels SET expires_at = now() - interval '1 second' WHERE id = $1`, [channel.id]);
    const expired = await owner.client.post(`/api/channels/${channel.id}/qr`, {});
    expect(expired.json().error.message).toBe(CHANNEL_MESSAGES.qrExpired);
    expect((await owner.client.get(`/api/channels/${channel.id}`)).json().channel.qr).toEqual({ available: false, reason: CHANNEL_MESSAGES.qrExpired });
    await pool.query(`UPDATE channels SET expires_at = now() + interval '1 day' WHERE id = $1`, [channel.id]);
    await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [owner.id]);
    const banned = await h.admin.client.post(`/api/admin/channels/${channel.id}/qr`, {});
    expect(banned.json().error.message).toBe(CHANNEL_MESSAGES.ownerBanned);
    await pool.query(`UPDATE users SET banned = false WHERE id = $1`, [owner.id]);
  });

  it('shows WHAPI’s QR with its countdown, marks qr_generated, and counts rotations up to the limit', async () => {
    const { owner, channel } = await activeChannel();
    const reply = (await owner.client.post(`/api/channels/${channel.id}/qr`, { rotation: 1 })).json();
    expect(reply).toMatchObject({ state: 'qr', rotation: 1, maxRotations: QR_MAX_ROTATIONS });
    expect(reply.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(reply.expiresInSeconds).toBeGreaterThan(0);
    expect(reply.expiresInSeconds).toBeLessThanOrEqual(60);
    expect(await authOf(channel.id)).toBe('qr_generated');
    expect((await owner.client.post(`/api/channels/${channel.id}/qr`, { rotation: QR_MAX_ROTATIONS + 1 })).statusCode).toBe(400);
    const code = (await owner.client.post(`/api/channels/${channel.id}/pairing-code`, { phone: '+97336123456' })).json();
    expect(code).toMatchObject({ code: expect.stringMatching(/\S{4,}/), phone: '+97336123456' });
    // An admin's "Re-authorize" is audited.
    expect((await h.admin.client.post(`/api/admin/channels/${channel.id}/qr`, {})).json().state).toBe('qr');
    const audit = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'channel.reauthorize' AND target_id = $1`, [channel.id]);
    expect(audit.rows[0].n).toBe(1);
  });

  // No job worker runs in tests: the event can only come from the receiving request itself, which is what makes
  // it reach the tab within a second in practice (measured, not asserted: QUALITY keeps times out of tests).
  it('turns the card Active with the exact message in the owner’s tab, straight from the webhook', async () => {
    const { owner, channel } = await activeChannel();
    await owner.client.post(`/api/channels/${channel.id}/qr`, {});
    const seen: { event: UserEvent }[] = [];
    const unsubscribe = h.testApp.bus.subscribe(owner.id, (event) => seen.push({ event }));
    expect((await h.simCall('POST', `/__sim/channels/${channel.channelRef}/link`, { phone: '97336123456' })).status).toBe(200);
    for (let i = 0; i < 500 && !seen.some((s) => s.event.data.message); i++) await new Promise((r) => setTimeout(r, 10));
    unsubscribe();
    const connected = seen.find((s) => s.event.type === 'channel.updated' && s.event.data.message)!;
    expect(connected.event.data).toEqual({
      channelId: channel.id,
      status: 'active',
      authStatus: 'authorized',
      deleted: false,
      message: 'Channel connected successfully and now active.',
    });
    const card = (await owner.client.get(`/api/channels/${channel.id}`)).json().channel;
    expect(card).toMatchObject({ authStatus: 'authorized', displayStatus: 'active', status: 'active' });
    const again = (await owner.client.post(`/api/channels/${channel.id}/qr`, {})).json();
    expect(again).toEqual({ state: 'already_linked', message: CHANNEL_MESSAGES.alreadyLinked });
  });

  it('falls back to polling health when webhooks cannot reach us', async () => {
    const { owner, channel } = await activeChannel();
    const token = testApp.services.box.open((await h.channelRow(channel.id)).token_sealed);
    const cleared = await fetch(`${h.sim.url}/settings`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ webhooks: [] }),
    });
    expect(cleared.status).toBe(200);
    await owner.client.post(`/api/channels/${channel.id}/qr`, {});
    const before = (await owner.client.get(`/api/channels/${channel.id}/health`)).json();
    expect(before).toMatchObject({ connected: false, authStatus: 'qr_generated', message: null });
    await h.simCall('POST', `/__sim/channels/${channel.channelRef}/link`, {});
    const after = (await owner.client.get(`/api/channels/${channel.id}/health`)).json();
    expect(after).toMatchObject({ connected: true, authStatus: 'authorized', displayStatus: 'active', message: CHANNEL_MESSAGES.connected, health: 'AUTH' });
  });
});

describe('the channel webhook receiver', () => {
  it('W1: a wrong secret or a channel we never made is a 404 that stores nothing', async () => {
    const { channel } = await activeChannel();
    const before = (await pool.query(`SELECT count(*)::int AS n FROM webhook_events`)).rows[0].n;
    for (const key of ['wrong', 'x'.repeat(32), `${await secret()}x`]) {
      const response = await hook(channel.channelRef, usersEvent(channel.channelRef, 'post'), key);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    }
    expect((await hook('NOSUCH-CHANL', usersEvent('NOSUCH-CHANL', 'post'))).statusCode).toBe(404);
    expect((await pool.query(`SELECT count(*)::int AS n FROM webhook_events`)).rows[0].n).toBe(before);
    expect(await authOf(channel.id)).toBe('pending');
  });

  it('W2: the same event 10× at once is stored and applied once; out-of-order events end in WHAPI’s real state', async () => {
    const { owner, channel } = await activeChannel();
    await h.simCall('POST', `/__sim/channels/${channel.channelRef}/link`, {});
    await h.simCall('GET', '/__sim/webhooks?settle=true');
    await settled(channel.channelRef);
    await pool.query(`DELETE FROM webhook_events WHERE subject_ref = $1`, [channel.channelRef]);
    await pool.query(`UPDATE channels SET auth_status = 'qr_generated', last_heartbeat_at = NULL WHERE id = $1`, [channel.id]);
    const published: UserEvent[] = [];
    const unsubscribe = h.testApp.bus.subscribe(owner.id, (event) => published.push(event));
    const results = await Promise.all(Array.from({ length: 10 }, () => hook(channel.channelRef, usersEvent(channel.channelRef, 'post'))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    const linked = (await settled(channel.channelRef)).filter((r) => r.event_type === 'users.post');
    expect(linked).toEqual([{ event_type: 'users.post', outcome: 'applied', processed_at: expect.any(Date) }]);
    expect(await authOf(channel.id)).toBe('authorized');
    // A job retrying the same event does nothing more.
    const { rows } = await pool.query(`SELECT id FROM webhook_events WHERE subject_ref = $1 AND event_type = 'users.post'`, [channel.channelRef]);
    await h.testApp.jobs!.runNow(applyChannelEventJob, { eventId: Number(rows[0].id) });
    await new Promise((r) => setTimeout(r, 100));
    unsubscribe();
    expect(published.filter((e) => e.data.message === CHANNEL_MESSAGES.connected)).toHaveLength(1);

    // Late, out-of-order events (timed by WHAPI's clock): an old logout and an old QR health after a newer AUTH.
    // WHAPI says the phone is linked, so it stays linked.
    const whapiNow = Math.floor(((await h.simState()).now as number) / 1000);
    await hook(channel.channelRef, healthEvent(channel.channelRef, 'AUTH', whapiNow + 500));
    await hook(channel.channelRef, usersEvent(channel.channelRef, 'delete'));
    await hook(channel.channelRef, healthEvent(channel.channelRef, 'QR', whapiNow + 100));
    await settled(channel.channelRef);
    const injected = await pool.query(
      `SELECT event_type, outcome FROM webhook_events
       WHERE subject_ref = $1 AND (event_type = 'users.delete' OR payload->'health'->>'version' = 'test-injected') ORDER BY id`,
      [channel.channelRef],
    );
    expect(injected.rows.map((r) => `${r.event_type}:${r.outcome}`)).toEqual(['channel.post:applied', 'users.delete:applied', 'channel.post:stale']);
    expect(await authOf(channel.id)).toBe('authorized');

    // The phone really unlinks: WHAPI's users.delete (confirmed by its health) disconnects the channel.
    await h.simCall('POST', `/__sim/channels/${channel.channelRef}/unlink`, {});
    for (let i = 0; i < 100 && (await authOf(channel.id)) !== 'disconnected'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await authOf(channel.id)).toBe('disconnected');
    expect((await owner.client.get(`/api/channels/${channel.id}`)).json().channel.displayStatus).toBe('disconnected');
  });

  it('S2: a banned owner’s events are acknowledged, stored, ignored and logged as user_banned', async () => {
    const { channel, owner } = await activeChannel();
    await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [owner.id]);
    const logged: { obj: object; msg: string }[] = [];
    const original = testApp.services.log;
    testApp.services.log = { ...original, info: (obj, msg) => logged.push({ obj, msg }) };
    const response = await hook(channel.channelRef, usersEvent(channel.channelRef, 'post'));
    const rows = await settled(channel.channelRef);
    testApp.services.log = original;
    expect(response.statusCode).toBe(200);
    expect(rows.map((r) => r.outcome)).toEqual(['user_banned']);
    expect(await authOf(channel.id)).toBe('pending');
    expect(logged).toEqual([expect.objectContaining({ obj: expect.objectContaining({ outcome: 'user_banned', userId: owner.id }) })]);
  });

  it('keeps message and status events for later and shows the counters in the admin drawer', async () => {
    const { channel } = await activeChannel();
    const message = {
      messages: [{ id: 'Ab12cdEfGh1-xyz9', from_me: false, type: 'text', chat_id: '15550001111@s.whatsapp.net', timestamp: 1_800_000_000, source: 'mobile', text: { body: 'hi' }, from: '15550001111' }],
      event: { type: 'messages', event: 'post' },
      channel_id: channel.channelRef,
    };
    const status = {
      statuses: [{ id: 'Ab12cdEfGh1-xyz9', code: 4, status: 'read', recipient_id: '15550001111@s.whatsapp.net', timestamp: '1800000050' }],
      event: { type: 'statuses', event: 'post' },
      channel_id: channel.channelRef,
    };
    expect((await hook(channel.channelRef, message)).statusCode).toBe(200);
    expect((await hook(channel.channelRef, status)).statusCode).toBe(200);
    expect((await settled(channel.channelRef)).map((r) => `${r.event_type}:${r.outcome}`)).toEqual(['messages.post:stored', 'statuses.post:stored']);
    const details = (await h.admin.client.get(`/api/admin/channels/${channel.id}`)).json();
    expect(details.counters).toEqual({ eventsReceived: 2, messagesReceived: 1, statusesReceived: 1, daysAllocated: 30, extensions: 1 });
    expect(details.lastMessageAt).toBe(new Date(1_800_000_000_000).toISOString());
    expect(details.webhookUrl).toBe(`${h.origin}/api/webhooks/whapi/channels/${channel.channelRef}/${await secret()}`);
    expect(details.recentAudit.map((a: { action: string }) => a.action)).toEqual(['channel.activate', 'channel.create']);
    expect(details.channel.tokenLast4).toHaveLength(4);
    expect(JSON.stringify(details)).not.toContain(testApp.services.box.open((await h.channelRow(channel.id)).token_sealed));
  });
});
