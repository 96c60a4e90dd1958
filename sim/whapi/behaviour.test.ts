import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWhapiSimulator, type WhapiSimulator } from './index';
import { loadSpecBundle, type SpecBundle } from './spec-bundle';
import { DEFAULT_SPEC_DIR, GATE_SPEC_ID } from './spec-loader';
import { createCheckingClient, type CheckingClient } from './test-support/checking-client';
import { startWebhookReceiver } from './test-support/webhook-receiver';

const DAY = 86_400_000;
let sim: WhapiSimulator;
let client: CheckingClient;
let bundle: SpecBundle;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let projectId: string;

beforeAll(async () => {
  sim = await startWhapiSimulator({ initialDays: 100 });
  bundle = await loadSpecBundle(DEFAULT_SPEC_DIR);
  client = createCheckingClient(sim.url, bundle, sim.partnerToken);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});
beforeEach(async () => {
  await client.control('POST', '/__sim/reset');
  receiver.clear();
  projectId = (await client.partner('GET', '/projects')).body.projects[0].id;
});

const state = async () => (await client.control('GET', '/__sim/state')).body;
const balance = async () => (await state()).partner.balanceDays;
const advance = (ms: number) => client.control('POST', '/__sim/clock', { advanceMs: ms });
const newChannel = async () => (await client.partner('PUT', '/channels', { name: 'Shop', projectId })).body;
const link = (id: string, phone = '15550001111') => client.control('POST', `/__sim/channels/${id}/link`, { phone, name: 'Ann' });
const extend = (id: string, days: number) => client.partner('POST', `/channels/${id}/extend`, { days, comment: `${days} days` });
const healthText = async (token: string) => (await client.gate(token, 'GET', '/health')).body.status.text;
const send = (token: string, to = '15550001111') => client.gate(token, 'POST', '/messages/text', { to, body: 'hi' });
function subscribe(token: string, events: string[], extra: Record<string, unknown> = {}) {
  const list = events.map((e) => ({ type: e.split('.')[0], method: e.split('.')[1] }));
  return client.gate(token, 'PATCH', '/settings', { webhooks: [{ url: `${receiver.url}/hook`, events: list, mode: 'body', ...extra }] });
}
const healthSequence = () => receiver.received.filter((h) => h.body?.health).map((h) => h.body.health.status.text);

describe('partner balance', () => {
  it('moves extended days from the balance onto activeTill and keeps the comment', async () => {
    const channel = await newChannel();
    expect((await extend(channel.id, 30)).status).toBe(200);
    expect(await balance()).toBe(70);
    const after = (await client.partner('GET', `/channels/${channel.id}`)).body;
    expect(after.activeTill - channel.activeTill).toBe(30 * DAY);
    expect((await state()).channels[0].billing).toMatchObject([{ days: 30, comment: '30 days' }]);
  });

  it('counts an extension from now once the channel has run out', async () => {
    const channel = await newChannel();
    await advance(6 * DAY);
    await extend(channel.id, 2);
    const { now, channels } = await state();
    expect(channels[0].activeTill - now).toBeGreaterThan(2 * DAY - 1000);
    expect(channels[0].activeTill - now).toBeLessThanOrEqual(2 * DAY);
  });

  it('refuses an extension the balance cannot cover and changes nothing', async () => {
    const channel = await newChannel();
    await client.control('POST', '/__sim/partner/balance', { days: 5 });
    const refused = await extend(channel.id, 6);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/5 left, 6 requested/);
    expect(await balance()).toBe(5);
    expect((await client.partner('GET', `/channels/${channel.id}`)).body.activeTill).toBe(channel.activeTill);
    expect((await extend(channel.id, 0)).status).toBe(400);
  });

  it('refunds only whole unused paid days on delete, never the free trial', async () => {
    const fresh = await newChannel();
    await client.partner('DELETE', `/channels/${fresh.id}`);
    expect(await balance()).toBe(100);

    const paidNow = await newChannel();
    await extend(paidNow.id, 10);
    await client.partner('DELETE', `/channels/${paidNow.id}`);
    expect(await balance()).toBe(100);

    const halfUsed = await newChannel();
    await extend(halfUsed.id, 10); // active until day 15, trial ends day 5
    await advance(7.5 * DAY);
    await client.partner('DELETE', `/channels/${halfUsed.id}`);
    expect(await balance()).toBe(97); // 7.5 days left → 7
  });

  it('allows 20 channel creations per 30 minutes, then 429 until the window resets', async () => {
    for (let i = 0; i < 20; i++) expect((await client.partner('PUT', '/channels', { name: `c${i}`, projectId })).status).toBe(200);
    const limited = await client.partner('PUT', '/channels', { name: 'one too many', projectId });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe(429);
    await advance(30 * 60_000);
    expect((await client.partner('PUT', '/channels', { name: 'next window', projectId })).status).toBe(200);
  });

  it('sends the partner days notice when the balance falls to days_limit, once, and on demand', async () => {
    await client.partner('PATCH', '/partners/omniplus/settings', { webhooks: [{ url: `${receiver.url}/partner` }], days_limit: 30 });
    const channel = await newChannel();
    await extend(channel.id, 60);
    await extend(channel.id, 10);
    const [notice] = await receiver.waitFor((hooks) => hooks.length >= 1);
    expect(notice).toMatchObject({ method: 'POST', path: '/partner', body: { event: { type: 'days', event: 'post' }, days: 30, days_limit: 30, partner: 'omniplus' } });
    await extend(channel.id, 1);
    expect((await client.control('POST', '/__sim/partner/days-notice')).body).toEqual({ sent: 1, balanceDays: 29 });
    const hooks = await receiver.waitFor((all) => all.length >= 2);
    expect(hooks.map((h) => h.body.days)).toEqual([30, 29]);
  });
});

describe('channel health and linking', () => {
  it('boots INIT → LAUNCH → QR, turns AUTH when linked, and reports each step as channel.post', async () => {
    const channel = await newChannel();
    await subscribe(channel.token, ['channel.post', 'users.post']);
    expect(await healthText(channel.token)).toBe('INIT');
    await advance(1000);
    expect(await healthText(channel.token)).toBe('LAUNCH');
    await advance(1000);
    expect(await healthText(channel.token)).toBe('QR');
    expect((await link(channel.id)).body).toMatchObject({ health: 'AUTH', user: { id: '15550001111' } });
    const health = (await client.gate(channel.token, 'GET', '/health')).body;
    expect(health).toMatchObject({ status: { code: 4, text: 'AUTH' }, user: { id: '15550001111', name: 'Ann' } });
    await receiver.waitFor((hooks) => hooks.length >= 4);
    expect(receiver.events()).toEqual(['channel.post', 'channel.post', 'users.post', 'channel.post']);
    expect(healthSequence()).toEqual(['LAUNCH', 'QR', 'AUTH']);
    expect(receiver.received[2]?.body).toMatchObject({ user: { id: '15550001111', name: 'Ann' }, channel_id: channel.id });
    expect((await client.partner('GET', `/channels/${channel.id}`)).body.phone).toBe('15550001111');
  });

  it('brings the channel straight to QR on login, keeps the code until it expires, then rotates it', async () => {
    const channel = await newChannel();
    await subscribe(channel.token, ['channel.post']);
    const first = (await client.gate(channel.token, 'GET', '/users/login')).body;
    expect(first.expire).toBeGreaterThan(0);
    expect(first.expire).toBeLessThanOrEqual(20);
    expect(Buffer.from(first.base64.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect((await client.gate(channel.token, 'GET', '/users/login')).body.rowdata).toBe(first.rowdata);
    await advance(first.expire * 1000);
    const second = (await client.gate(channel.token, 'GET', '/users/login')).body;
    expect(second.rowdata).not.toBe(first.rowdata);
    await receiver.waitFor((hooks) => hooks.length >= 2);
    expect(healthSequence()).toEqual(['LAUNCH', 'QR']);
  });

  it('remembers the number a pairing code was asked for and links it', async () => {
    const channel = await newChannel();
    await client.gate(channel.token, 'GET', '/users/login/15550004444');
    await client.control('POST', `/__sim/channels/${channel.id}/link`, {});
    expect((await client.gate(channel.token, 'GET', '/health')).body.user.id).toBe('15550004444');
  });

  it('logs out with users.delete and falls back to QR; an unlink from the phone does the same', async () => {
    const channel = await newChannel();
    await link(channel.id);
    await subscribe(channel.token, ['channel.post', 'users.delete']);
    await client.gate(channel.token, 'POST', '/users/logout');
    expect(await healthText(channel.token)).toBe('QR');
    await link(channel.id);
    expect((await client.control('POST', `/__sim/channels/${channel.id}/unlink`)).status).toBe(200);
    expect((await client.control('POST', `/__sim/channels/${channel.id}/unlink`)).status).toBe(409);
    await receiver.waitFor((hooks) => hooks.filter((h) => h.body.event.type === 'users').length === 2);
    expect(receiver.received.find((h) => h.body.event.type === 'users')?.body).toMatchObject({ event: { type: 'users', event: 'delete' }, user: { id: '15550001111' } });
  });

  it('turns STOP when the days run out: channel.post, 402 on send and login; an extension brings it back', async () => {
    const channel = await newChannel();
    await link(channel.id);
    await subscribe(channel.token, ['channel.post']);
    await advance(5 * DAY);
    await receiver.waitFor(() => healthSequence().includes('STOP'));
    expect((await client.gate(channel.token, 'GET', '/health')).body.status).toEqual({ code: 7, text: 'STOP' });
    expect((await send(channel.token)).status).toBe(402);
    expect((await client.control('POST', `/__sim/channels/${channel.id}/unlink`)).status).toBe(200);
    expect((await client.gate(channel.token, 'GET', '/users/login')).status).toBe(402);
    expect((await client.control('POST', `/__sim/channels/${channel.id}/link`, {})).status).toBe(409);
    await extend(channel.id, 1);
    expect(await healthText(channel.token)).toBe('INIT');
    await advance(2000);
    expect(await healthText(channel.token)).toBe('QR');
  });

  it('stops and starts on the partner\'s word, and restarts after a mode change', async () => {
    const channel = await newChannel();
    await link(channel.id);
    await client.partner('POST', `/channels/${channel.id}/stop`);
    expect(await healthText(channel.token)).toBe('STOP');
    expect((await send(channel.token)).status).toBe(402);
    await client.partner('POST', `/channels/${channel.id}/start`);
    expect(await healthText(channel.token)).toBe('INIT');
    await advance(2000);
    expect(await healthText(channel.token)).toBe('AUTH');
    await client.partner('PATCH', `/channels/${channel.id}/mode`, { mode: 'live' });
    expect(await healthText(channel.token)).toBe('INIT');
  });

  it('hands unused paid days back when stopped with saveDays', async () => {
    const channel = await newChannel();
    await extend(channel.id, 10);
    await client.partner('POST', `/channels/${channel.id}/stop`, { saveDays: true });
    expect(await balance()).toBe(100);
    expect((await client.partner('GET', `/channels/${channel.id}`)).body.activeTill).toBe(channel.activeTill);
  });

  it('forgets a deleted channel: its token is "Channel not found"', async () => {
    const channel = await newChannel();
    await client.partner('DELETE', `/channels/${channel.id}`);
    const gone = await client.gate(channel.token, 'GET', '/health');
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('Channel not found');
  });
});

describe('messages and webhooks', () => {
  it('reports a sent message as messages.post and its statuses sent → delivered → read, all in the official shape', async () => {
    const channel = await newChannel();
    await link(channel.id);
    await subscribe(channel.token, ['messages.post', 'statuses.post'], { headers: { 'X-Sim-Secret': 'abc' } });
    const sent = (await send(channel.token)).body.message;
    await client.control('POST', `/__sim/messages/${sent.id}/status`, { status: 'read' });
    expect((await client.control('POST', `/__sim/messages/${sent.id}/status`, { status: 'delivered' })).status).toBe(409);
    const hooks = await receiver.waitFor((all) => all.length >= 4);
    expect(receiver.events()).toEqual(['messages.post', 'statuses.post', 'statuses.post', 'statuses.post']);
    expect(hooks[0]?.body.messages[0]).toMatchObject({ id: sent.id, from_me: true, source: 'api', text: { body: 'hi' } });
    expect(hooks.slice(1).map((h) => [h.body.statuses[0].status, h.body.statuses[0].code])).toEqual([['sent', 2], ['delivered', 3], ['read', 4]]);
    expect(hooks[1]?.body.statuses[0]).toMatchObject({ id: sent.id, recipient_id: '15550001111@s.whatsapp.net', timestamp: expect.stringMatching(/^\d{10}$/) });
    expect(hooks[0]?.headers['x-sim-secret']).toBe('abc');
    const validate = bundle.compile({ $ref: `${GATE_SPEC_ID}#/components/schemas/WebhookPayload` });
    for (const hook of hooks) expect(validate(hook.body), JSON.stringify(validate.errors)).toBe(true);
  });

  it('delivers only subscribed events, in path and method modes too', async () => {
    const channel = await newChannel();
    await client.gate(channel.token, 'PATCH', '/settings', {
      webhooks: [
        { url: `${receiver.url}/by-path`, events: [{ type: 'users', method: 'post' }], mode: 'path' },
        { url: `${receiver.url}/by-method`, events: [{ type: 'users' }], mode: 'method' },
      ],
    });
    await link(channel.id);
    await client.gate(channel.token, 'POST', '/users/logout');
    await receiver.waitFor((hooks) => hooks.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received.map((h) => `${h.method} ${h.path}`).sort()).toEqual(['DELETE /by-method/users', 'POST /by-method/users', 'POST /by-path/users/post']);
  });

  it('limits a trial channel to 5 chats a month (402) but not a live one', async () => {
    const channel = await newChannel();
    await link(channel.id);
    for (let i = 0; i < 5; i++) expect((await send(channel.token, `1555000100${i}`)).status).toBe(200);
    const limited = await send(channel.token, '15550001005');
    expect(limited.status).toBe(402);
    expect(limited.body.error.message).toMatch(/5 chats per month/);
    expect((await send(channel.token, '15550001000')).status).toBe(200);
    await client.partner('PATCH', `/channels/${channel.id}/mode`, { mode: 'live' });
    await advance(2000);
    expect((await send(channel.token, '15550001005')).status).toBe(200);
  });

  it('keeps working when a webhook receiver is dead, and logs the failed delivery', async () => {
    const channel = await newChannel();
    await client.gate(channel.token, 'PATCH', '/settings', { webhooks: [{ url: 'http://127.0.0.1:1/dead', events: [{ type: 'users', method: 'post' }] }] });
    expect((await link(channel.id)).status).toBe(200);
    const log = (await client.control('GET', '/__sim/webhooks?settle=true')).body.webhooks;
    expect(log).toMatchObject([{ event: 'users.post', url: 'http://127.0.0.1:1/dead', error: expect.any(String) }]);
    expect((await send(channel.token)).status).toBe(200);
  });
});

describe('faults', () => {
  it('answers with the configured status for the next N matching requests, then normally', async () => {
    const channel = await newChannel();
    await client.control('POST', '/__sim/faults', { method: 'POST', path: '/channels/:id/extend', status: 503, body: { error: { code: 503, message: 'busy' } }, times: 1 });
    const faulted = await extend(channel.id, 1);
    expect(faulted.status).toBe(503);
    expect(faulted.body.error.message).toBe('busy');
    expect(await balance()).toBe(100);
    expect((await extend(channel.id, 1)).status).toBe(200);
    expect(await balance()).toBe(99);
  });

  it('adds latency but still answers', async () => {
    await client.control('POST', '/__sim/faults', { path: '/projects', latencyMs: 300 });
    const started = Date.now();
    expect((await client.partner('GET', '/projects')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('hangs until the client gives up, and serves again once faults are cleared', async () => {
    const channel = await newChannel();
    await client.control('POST', '/__sim/faults', { path: '/health', hang: true });
    await expect(client.call('GET', '/health', { token: channel.token, timeoutMs: 300 })).rejects.toThrow(/timeout|abort/i);
    await client.control('DELETE', '/__sim/faults');
    expect((await client.gate(channel.token, 'GET', '/health')).status).toBe(200);
  });
});

describe('control API', () => {
  it('resets channels, balance and clock', async () => {
    const channel = await newChannel();
    await extend(channel.id, 10);
    await advance(DAY);
    await client.control('POST', '/__sim/reset');
    const after = await state();
    expect(after).toMatchObject({ channels: [], clockOffsetMs: 0, partner: { balanceDays: 100 } });
    expect((await client.control('POST', '/__sim/clock', { advanceMs: -1 })).status).toBe(400);
    expect((await client.control('POST', '/__sim/channels/ABCDEF-00000/link', {})).status).toBe(404);
  });

  it('never answered or sent anything outside the official spec', async () => {
    expect(client.problems).toEqual([]);
    expect((await state()).violations).toEqual([]);
  });
});
