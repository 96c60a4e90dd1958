import { describe, expect, it } from 'vitest';
import { CHANNEL_MESSAGES } from '../../src/contracts/channels';
import { WHAPI_TOKEN_BANNER } from '../../src/contracts/whapi-settings';
import { signUpUser } from '../support/test-app';
import { startChannelHarness } from './channels-harness';

// DOMAIN.md "Channels" → Create: the guards in order with their messages, the WHAPI sequence, and that any WHAPI
// failure leaves nothing behind (no row here, no channel there, no day moved).
const h = await startChannelHarness({ configure: false });
const { pool } = h;

const countRows = async (userId: string) =>
  Number((await pool.query(`SELECT count(*) FROM channels WHERE user_id = $1`, [userId])).rows[0].count);
const simChannelCount = async () => (await h.simState()).channels.length as number;

describe('Add Channel guards, in order', () => {
  it('tells a user without WHAPI set up that the service is unavailable, and the admin why', async () => {
    const user = await h.userWithPlan();
    const list = (await user.client.get('/api/channels')).json();
    expect(list.guard).toMatchObject({ canAdd: false, code: 'whapi_unavailable', reason: CHANNEL_MESSAGES.serviceUnavailable });
    expect(CHANNEL_MESSAGES.serviceUnavailable).toBe('Channel service is temporarily unavailable');
    const refused = await user.client.post('/api/channels', { name: 'Line', phone: '+97336123456' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'WHAPI_NOT_CONFIGURED', message: CHANNEL_MESSAGES.serviceUnavailable });
    const forAdmin = await h.admin.client.post('/api/admin/channels', { userId: user.id, name: 'Line', phone: '+97336123456' });
    expect(forAdmin.json().error.message).toBe(WHAPI_TOKEN_BANNER);
    expect(await countRows(user.id)).toBe(0);
    await h.configureWhapi();
  });

  it('refuses a user whose service days ran out, before anything else is checked', async () => {
    const user = await h.userWithPlan({ days: -1, channels: 0 });
    // An expired user loses the channels page itself (DOMAIN.md "Expired").
    expect((await user.client.get('/api/channels')).statusCode).toBe(403);
    const guard = (await h.admin.client.get(`/api/admin/channels/guard?userId=${user.id}`)).json().guard;
    expect(guard).toMatchObject({ canAdd: false, code: 'no_service', reason: CHANNEL_MESSAGES.userNoServiceDays });
    const refused = await h.admin.client.post('/api/admin/channels', { userId: user.id, name: 'Line', phone: '+97336123456' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(CHANNEL_MESSAGES.userNoServiceDays);
  });

  it('checks the ban first: an admin cannot create for a banned user', async () => {
    const user = await h.userWithPlan({ days: -1, channels: 0 });
    await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [user.id]);
    const guard = (await h.admin.client.get(`/api/admin/channels/guard?userId=${user.id}`)).json().guard;
    expect(guard).toMatchObject({ code: 'banned', reason: CHANNEL_MESSAGES.userBanned });
    const refused = await h.admin.client.post('/api/admin/channels', { userId: user.id, name: 'Line', phone: '+97336123456' });
    expect(refused.json().error).toEqual({ code: 'FORBIDDEN', message: CHANNEL_MESSAGES.userBanned });
  });

  it('stops at the effective channels limit with the exact message, and shows it as the disabled reason', async () => {
    const user = await h.userWithPlan({ channels: 1 });
    const first = await user.client.post('/api/channels', { name: 'Only line', phone: '+97336123456' });
    expect(first.statusCode, first.body).toBe(201);
    const list = (await user.client.get('/api/channels')).json();
    expect(list.guard).toEqual({ canAdd: false, code: 'limit_reached', reason: 'Channel limit reached for your plan.', used: 1, limit: 1 });
    const before = await simChannelCount();
    const second = await user.client.post('/api/channels', { name: 'Second line', phone: '+97336123457' });
    expect(second.statusCode).toBe(403);
    expect(second.json().error).toEqual({ code: 'LIMIT_REACHED', message: 'Channel limit reached for your plan.' });
    expect(await simChannelCount()).toBe(before);
  });

  it('an override of the limit wins over the plan', async () => {
    const user = await h.userWithPlan({ channels: 1 });
    await pool.query(`UPDATE subscriptions SET overrides = '{"limits":{"channels":2}}' WHERE user_id = $1`, [user.id]);
    expect((await user.client.post('/api/channels', { name: 'A', phone: '+97336123456' })).statusCode).toBe(201);
    expect((await user.client.post('/api/channels', { name: 'B', phone: '+97336123456' })).statusCode).toBe(201);
    expect((await user.client.post('/api/channels', { name: 'C', phone: '+97336123456' })).statusCode).toBe(403);
  });

  it('never lets two tabs both pass a limit of one', async () => {
    const user = await h.userWithPlan({ channels: 1 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => user.client.post('/api/channels', { name: `Race ${i}`, phone: '+97336123456' })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 403).every((r) => r.json().error.code === 'LIMIT_REACHED')).toBe(true);
    expect(await countRows(user.id)).toBe(1);
  });

  it('validates name and phone with field errors', async () => {
    const user = await h.userWithPlan();
    const bad = await user.client.post('/api/channels', { name: '', phone: '12' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields ?? {}).sort()).toEqual(['name', 'phone']);
  });
});

describe('creating a channel at WHAPI', () => {
  it('creates, confirms, registers our webhook and stores the token sealed; the user sees a pending card', async () => {
    const user = await h.userWithPlan();
    const response = await user.client.post('/api/channels', { name: 'Front desk', phone: '+973 3612 3456' });
    expect(response.statusCode, response.body).toBe(201);
    const { channel, autoAllocationQueued } = response.json();
    expect(channel).toMatchObject({
      name: 'Front desk',
      phone: '+97336123456',
      status: 'pending',
      authStatus: 'pending',
      displayStatus: 'unauthorized',
      daysLeft: 0,
      expiresAt: null,
      qr: { available: false, reason: CHANNEL_MESSAGES.qrPending },
    });
    expect(autoAllocationQueued).toBe(true);
    expect(JSON.stringify(response.json())).not.toMatch(/token/i);

    const row = await h.channelRow(channel.id);
    const remote = await h.simChannel(row.channel_ref);
    expect(remote).toMatchObject({ name: 'Front desk', phone: '97336123456' });
    expect(row.token_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(String(remote!.token));
    expect(row.mode).toBe('trial');
    const hook = remote!.settings.webhooks[0]!;
    expect(hook.url).toMatch(new RegExp(`^${h.origin}/api/webhooks/whapi/channels/${row.channel_ref}/[\\w-]{20,}$`));
    expect(hook.events).toEqual(
      expect.arrayContaining([
        { type: 'channel', method: 'post' },
        { type: 'users', method: 'post' },
        { type: 'messages', method: 'post' },
        { type: 'statuses', method: 'post' },
      ]),
    );
    const audit = await pool.query(`SELECT actor_id, meta FROM audit_log WHERE action = 'channel.create' AND target_id = $1`, [channel.id]);
    expect(audit.rows).toEqual([{ actor_id: user.id, meta: expect.objectContaining({ channelRef: row.channel_ref, userId: user.id }) }]);
    const list = (await user.client.get('/api/channels')).json();
    expect(list.channels.map((c: { id: string }) => c.id)).toEqual([channel.id]);
    expect(list.daysRemaining).toBe(30);
  });

  it('lets an admin create for a user; the channel is the user’s, and another user cannot see it', async () => {
    const owner = await h.userWithPlan();
    const created = await h.createChannel(owner.id, 'Made by admin');
    const own = (await owner.client.get(`/api/channels/${created.id}`)).json();
    expect(own.channel).toMatchObject({ id: created.id, name: 'Made by admin' });
    const stranger = await h.userWithPlan();
    for (const url of [`/api/channels/${created.id}`, `/api/channels/${created.id}/health`]) {
      expect((await stranger.client.get(url)).statusCode).toBe(404);
    }
    expect((await stranger.client.post(`/api/channels/${created.id}/qr`, {})).statusCode).toBe(404);
    const row = await h.channelRow(created.id);
    expect(row).toMatchObject({ user_id: owner.id, created_by: h.admin.id });
  });

  const failures: [string, Record<string, unknown>][] = [
    ['PUT /channels answers 503', { method: 'PUT', path: '/channels', status: 503, times: 1 }],
    ['PUT /channels answers 429', { method: 'PUT', path: '/channels', status: 429, times: 1 }],
    ['GET /channels/{id} answers 404', { method: 'GET', path: '/channels/:id', status: 404, times: 3 }],
    ['PATCH /settings answers 400', { method: 'PATCH', path: '/settings', status: 400, times: 3 }],
    ['PATCH /settings answers 500', { method: 'PATCH', path: '/settings', status: 500, times: 3 }],
  ];
  it.each(failures)('leaves nothing behind when %s, and shows WHAPI’s text', async (_label, fault) => {
    const user = await h.userWithPlan();
    const balance = await h.mainBalance();
    const remoteBefore = await simChannelCount();
    await h.fault({ ...fault, body: { error: { code: fault.status, message: `Simulated WHAPI trouble ${fault.status}` } } });
    const response = await h.admin.client.post('/api/admin/channels', { userId: user.id, name: 'Doomed', phone: '+97336123456' });
    await h.clearFaults();
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.json().error.message).toContain(`Simulated WHAPI trouble ${fault.status}`);
    expect(await countRows(user.id)).toBe(0);
    expect(await simChannelCount()).toBe(remoteBefore);
    expect(await h.mainBalance()).toBe(balance);
    const ops = await pool.query(`SELECT state FROM channel_operations WHERE kind = 'create' AND user_id = $1`, [user.id]);
    expect(ops.rows.map((r) => r.state)).toEqual([expect.stringMatching(/^(failed|reverted)$/)]);
    // The failed attempt holds no place against the limit.
    expect((await user.client.get('/api/channels')).json().guard.used).toBe(0);
  });

  it('shows a user “temporarily unavailable” when WHAPI refuses the partner token', async () => {
    const user = await h.userWithPlan();
    await h.fault({ method: 'PUT', path: '/channels', status: 401, times: 1 });
    const response = await user.client.post('/api/channels', { name: 'Line', phone: '+97336123456' });
    await h.clearFaults();
    expect(response.json().error).toEqual({ code: 'WHAPI_NOT_CONFIGURED', message: CHANNEL_MESSAGES.serviceUnavailable });
    // WHAPI's verdict turned the admin banner on; the admin fixes it by testing the right token again.
    expect((await h.admin.client.post('/api/admin/settings/whapi/test', {})).statusCode).toBe(200);
    expect(await countRows(user.id)).toBe(0);
  });

  it('refuses a plain user on the admin routes and an anonymous visitor everywhere', async () => {
    const plain = await signUpUser(h.testApp.app, { origin: h.origin });
    expect((await plain.client.get('/api/admin/channels')).statusCode).toBe(403);
    expect((await plain.client.get('/api/channels')).statusCode).toBe(403);
  });
});
