import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWhapiSimulator } from '../../../../sim/whapi/index';
import { createWhapiGateClient, type WhapiGateClient } from './gate-client';
import { createWhapiPartnerClient } from './partner-client';
import { resetWhapiCircuitBreakers } from './resilience';
import { failure, startScriptedServer } from './test-support/scripted-server';
import type { WhapiChannel } from './types';
import { parsePartnerDaysNotice, parseWhapiWebhook, type WhapiGateWebhook } from './webhook';

// Both clients against the WHAPI simulator (sim/whapi), which serves Partner and Gate paths on one URL.
// The clients follow the official API; where the simulator disagrees, these tests show it.

const sim = await startWhapiSimulator();
const receiver = await startScriptedServer();
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const DAY_MS = 86_400_000;
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };
const partner = createWhapiPartnerClient({ baseUrl: sim.url, token: sim.partnerToken, ...fast });
const gateFor = (channel: WhapiChannel, extra = {}): WhapiGateClient =>
  createWhapiGateClient({ baseUrl: sim.url, token: channel.token, ...fast, ...extra });

async function control(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return response.json();
}

/** Webhook bodies the simulator delivered to our receiver, parsed by our own parser. */
async function gateEvents(): Promise<WhapiGateWebhook[]> {
  await fetch(`${sim.url}/__sim/webhooks?settle=true`);
  return receiver.requests
    .filter((r) => r.path === '/hooks/gate')
    .map((r) => {
      const parsed = parseWhapiWebhook(r.body);
      if (!parsed.ok) throw new Error(`unreadable webhook: ${parsed.problem}`);
      return parsed.event;
    });
}

async function defaultProjectId(): Promise<string> {
  const projects = await partner.listProjects();
  expect(projects.length).toBeGreaterThan(0);
  return (projects.find((p) => p.isDefault) ?? projects[0]!).id;
}

beforeEach(async () => {
  await control('DELETE', '/__sim/faults');
  resetWhapiCircuitBreakers();
  receiver.reset();
  receiver.on('POST /hooks/gate', { status: 200, body: { ok: true } });
  receiver.on('POST /hooks/partner', { status: 200, body: { ok: true } });
});

// The simulator checks every request and answer against the official OpenAPI files: ours must never trip it.
afterEach(async () => {
  const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { violations: unknown[] };
  expect(state.violations).toEqual([]);
});

describe('against the WHAPI simulator', () => {
  it('creates, links, messages, extends, goes live and deletes a channel', async () => {
    const projectId = await defaultProjectId();
    const before = Date.now();
    const created = await partner.createChannel({ name: 'Sim shop', projectId });
    expect(created.mode).toBe('trial');
    expect(created.token).toMatch(/^[a-zA-Z0-9]{32}$/);
    // Time normalisation: whatever unit the simulator uses, the dates land near now.
    expect(Math.abs(created.createdAt.getTime() - before)).toBeLessThan(60_000);
    expect(created.activeTill!.getTime()).toBeGreaterThan(created.createdAt.getTime());

    expect((await partner.getChannel(created.id)).token).toBe(created.token);
    expect((await partner.listChannels()).map((c) => c.id)).toContain(created.id);
    expect((await partner.listChannels(projectId)).map((c) => c.id)).toContain(created.id);

    const gate = gateFor(created);
    await gate.updateSettings({
      webhooks: [
        {
          url: `${receiver.url}/hooks/gate`,
          mode: 'body',
          events: [
            { type: 'channel', method: 'post' },
            { type: 'users', method: 'post' },
            { type: 'users', method: 'delete' },
            { type: 'messages', method: 'post' },
            { type: 'statuses', method: 'post' },
          ],
        },
      ],
    });
    expect((await gate.getSettings()).webhooks[0]?.url).toBe(`${receiver.url}/hooks/gate`);

    const notLinked = await failure(gate.sendText({ to: '15550001111', body: 'too early' }));
    expect(notLinked.upstreamStatus).toBe(401);
    expect(notLinked.kind).toBe('not_linked');

    const qr = await gate.loginQr();
    expect(qr.status).toBe('OK');
    expect(qr.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(qr.expiresInSeconds).toBeGreaterThan(0);

    await control('POST', `/__sim/channels/${created.id}/link`, { phone: '15550002222', name: 'Bob' });
    const health = await gate.health();
    expect(health.status).toBe('AUTH');
    expect(health.user).toEqual({ phone: '15550002222', name: 'Bob' });
    const again = await failure(gate.loginQr());
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('already authenticated');

    const sent = await gate.sendText({ to: '15550001111', body: 'hello' });
    expect(sent.sent).toBe(true);
    expect(sent.messageId).toBeTruthy();
    const message = await gate.getMessage(sent.messageId!);
    expect(message).toMatchObject({ id: sent.messageId, fromMe: true, text: 'hello' });
    expect(Math.abs(message.timestamp.getTime() - Date.now())).toBeLessThan(60_000);
    expect(Array.isArray(await gate.messageStatuses(sent.messageId!))).toBe(true);

    const image = await gate.sendImage({ to: '15550001111', media: 'https://example.com/a.png', caption: 'look' });
    expect(image.message?.media?.mimeType).toBe('image/png');
    const doc = await gate.sendDocument({ to: '15550001111', media: 'https://example.com/terms.pdf', filename: 'terms.pdf' });
    expect(doc.message?.media?.fileName).toBe('terms.pdf');

    const events = await gateEvents();
    expect(events.some((e) => e.kind === 'user_linked' && e.user.phone === '15550002222')).toBe(true);
    expect(events.some((e) => e.kind === 'health' && e.health.status === 'AUTH')).toBe(true);
    expect(events.some((e) => e.kind === 'messages' && e.messages.some((m) => m.id === sent.messageId))).toBe(true);
    expect(events.every((e) => e.channelId === created.id)).toBe(true);

    const activeTill = (await partner.getChannel(created.id)).activeTill!.getTime();
    await partner.extendChannel(created.id, { days: 30, comment: 'op test-1' });
    expect((await partner.getChannel(created.id)).activeTill!.getTime() - activeTill).toBe(30 * DAY_MS);
    await partner.changeMode(created.id, 'live');
    expect((await partner.getChannel(created.id)).mode).toBe('live');

    expect(await gate.logout()).toEqual({ alreadyLoggedOut: false });
    expect(await gate.logout()).toEqual({ alreadyLoggedOut: true });
    expect((await gateEvents()).some((e) => e.kind === 'user_unlinked')).toBe(true);

    expect((await partner.deleteChannel(created.id)).status).toBe(200);
    expect((await partner.deleteChannel(created.id)).status).toBe(404);
    expect((await failure(partner.getChannel(created.id))).code).toBe('NOT_FOUND');
    const gone = await failure(gate.health());
    expect(gone.kind).toBe('token');
    expect(gone.message).toContain('Channel not found');
  });

  it('reads a chat’s history back: what went out, since when, page by page, and nothing for an unknown chat', async () => {
    const channel = await partner.createChannel({ name: 'History', projectId: await defaultProjectId() });
    await control('POST', `/__sim/channels/${channel.id}/link`, { phone: '15550002222', name: 'Bob' });
    const gate = gateFor(channel);
    const first = await gate.sendText({ to: '15550004444', body: 'one' });
    await control('POST', `/__sim/channels/${channel.id}/incoming`, { from: '15550004444', body: 'reply' });
    await control('POST', '/__sim/clock', { advanceMs: 2_000 });
    const second = await gate.sendText({ to: '15550004444', body: 'two' });
    await gate.sendText({ to: '15550005555', body: 'another chat' });

    const sent = await gate.listChatMessages({ chatId: '15550004444', fromMe: true });
    expect(sent.messages.map((m) => [m.id, m.text])).toEqual([[second.messageId, 'two'], [first.messageId, 'one']]);
    expect([sent.total, sent.scanned]).toEqual([2, 2]);
    const since = await gate.listChatMessages({ chatId: '15550004444@s.whatsapp.net', timeFrom: second.message!.timestamp });
    expect(since.messages.map((m) => m.id)).toEqual([second.messageId]);
    const incoming = await gate.listChatMessages({ chatId: '15550004444', fromMe: false });
    expect(incoming.messages.map((m) => [m.fromMe, m.from, m.text])).toEqual([[false, '15550004444', 'reply']]);
    const paged = await gate.listChatMessages({ chatId: '15550004444', count: 1, offset: 1 });
    expect([paged.messages.length, paged.total, paged.scanned]).toEqual([1, 3, 1]);

    expect(await gate.listChatMessages({ chatId: '15550009999' })).toEqual({ messages: [], total: 0, scanned: 0 });
    const badGate = createWhapiGateClient({ baseUrl: sim.url, token: 'B'.repeat(32), ...fast });
    expect((await failure(badGate.listChatMessages({ chatId: '15550004444' }))).kind).toBe('token');
    await partner.deleteChannel(channel.id);
  });

  it('hands out a pairing code', async () => {
    const channel = await partner.createChannel({ name: 'Pairing', projectId: await defaultProjectId() });
    expect(await gateFor(channel).pairingCode('15550003333')).toMatch(/\S/);
    await partner.deleteChannel(channel.id);
  });

  it('maps the simulator’s refusals with their text', async () => {
    const channel = await partner.createChannel({ name: 'Refusals', projectId: await defaultProjectId() });
    const tooMuch = await failure(partner.extendChannel(channel.id, { days: 1_000_000, comment: 'too much' }));
    expect(tooMuch.code).toBe('UPSTREAM_REJECTED');
    expect(tooMuch.upstreamMessage).toBeTruthy();
    expect(tooMuch.message).toContain(tooMuch.upstreamMessage!);

    expect((await failure(partner.createChannel({ name: 'x', projectId: 'NoSuchProjectXXXXXXX' }))).code).toBe('NOT_FOUND');

    const badPartner = createWhapiPartnerClient({ baseUrl: sim.url, token: 'not-the-partner-token', ...fast });
    const rejected = await failure(badPartner.listProjects());
    expect(rejected.kind).toBe('token');
    expect(rejected.message).not.toContain('not-the-partner-token');

    const badGate = createWhapiGateClient({ baseUrl: sim.url, token: 'A'.repeat(32), ...fast });
    expect((await failure(badGate.health())).kind).toBe('token');
    await partner.deleteChannel(channel.id);
  });

  it('retries safe calls through injected outages but never a create', async () => {
    const channel = await partner.createChannel({ name: 'Faults', projectId: await defaultProjectId() });
    await control('POST', '/__sim/faults', { method: 'GET', path: '/channels/:id', status: 503, times: 2 });
    expect((await partner.getChannel(channel.id)).id).toBe(channel.id);

    const count = (await partner.listChannels()).length;
    await control('POST', '/__sim/faults', { method: 'PUT', path: '/channels', status: 503, times: 1 });
    expect((await failure(partner.createChannel({ name: 'never twice', projectId: channel.projectId }))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await partner.listChannels()).length).toBe(count);

    await control('POST', '/__sim/faults', { method: 'POST', path: '/messages/text', hang: true });
    const started = Date.now();
    const hung = await failure(gateFor(channel, { timeoutMs: 300 }).sendText({ to: '15550001111', body: 'x' }));
    expect(hung.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    await partner.deleteChannel(channel.id);
  });

  it('opens the breaker on repeated outages and recovers once WHAPI is back', async () => {
    const channel = await partner.createChannel({ name: 'Breaker', projectId: await defaultProjectId() });
    const gate = gateFor(channel, { retry: { retries: 0 }, breaker: { threshold: 2, halfOpenAfterMs: 200 } });
    await control('POST', '/__sim/faults', { method: 'GET', path: '/health', status: 502 });
    expect((await failure(gate.health())).kind).toBe('unavailable');
    expect((await failure(gate.health())).kind).toBe('unavailable');
    const open = await failure(gate.health());
    expect(open.kind).toBe('circuit_open');
    expect(open.message).toBe('WHAPI is unavailable; try again shortly.');
    await control('DELETE', '/__sim/faults');
    await new Promise((r) => setTimeout(r, 250));
    expect((await gate.health()).statusText).toMatch(/\w/);
    resetWhapiCircuitBreakers();
    await partner.deleteChannel(channel.id);
  });

  it('reads and writes partner settings, and parses the days notice it sends', async () => {
    await partner.updatePartnerSettings(sim.partnerName, {
      webhooks: [{ url: `${receiver.url}/hooks/partner`, events: [{ type: 'days', method: 'post' }], mode: 'body' }],
      daysLimit: 10,
    });
    const settings = await partner.getPartnerSettings(sim.partnerName);
    expect(settings.daysLimit).toBe(10);
    expect(settings.webhooks[0]?.url).toBe(`${receiver.url}/hooks/partner`);

    await control('POST', '/__sim/partner/balance', { days: 50 });
    await control('POST', '/__sim/partner/balance', { days: 4 });
    await fetch(`${sim.url}/__sim/webhooks?settle=true`);
    const notices = receiver.requests.filter((r) => r.path === '/hooks/partner').map((r) => parsePartnerDaysNotice(r.body));
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.at(-1)).toMatchObject({ daysLeft: 4, daysLimit: 10 });
  });
});
