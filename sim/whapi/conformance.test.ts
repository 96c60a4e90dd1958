import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWhapiSimulator, type WhapiSimulator } from './index';
import { SIMULATED_HANDLERS } from './server';
import { loadSpecBundle } from './spec-bundle';
import { DEFAULT_SPEC_DIR } from './spec-loader';
import { createCheckingClient, type CheckingClient } from './test-support/checking-client';

// Every simulated operation, on its success path and its main errors; every response is checked against the
// official documents by the client (client.problems) and by the simulator itself (/__sim/state violations).
let sim: WhapiSimulator;
let client: CheckingClient;
let defaultProjectId: string;

beforeAll(async () => {
  sim = await startWhapiSimulator({ partnerName: 'omniplus' });
  client = createCheckingClient(sim.url, await loadSpecBundle(DEFAULT_SPEC_DIR), sim.partnerToken);
});
afterAll(() => sim.close());
beforeEach(async () => {
  await client.control('POST', '/__sim/reset');
  defaultProjectId = (await client.partner('GET', '/projects')).body.projects[0].id;
});

const newChannel = async () => (await client.partner('PUT', '/channels', { name: 'Shop', projectId: defaultProjectId })).body;
async function linkedChannel() {
  const channel = await newChannel();
  await client.control('POST', `/__sim/channels/${channel.id}/link`, { phone: '15550001111', name: 'Ann' });
  return channel;
}

describe('Partner API', () => {
  it('lists projects with a default project and refuses a bad partner token with 401', async () => {
    const projects = await client.partner('GET', '/projects');
    expect(projects.status).toBe(200);
    expect(projects.body).toMatchObject({ count: 1, total: 1, offset: 0 });
    expect(projects.body.projects[0]).toMatchObject({ isDefault: true, id: expect.stringMatching(/^[a-zA-Z0-9]{20}$/) });
    expect((await client.call('GET', '/projects', { token: 'wrong' })).status).toBe(401);
    const missing = await client.call('GET', '/projects');
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 401, message: expect.any(String) });
    expect((await client.partner('GET', '/projects?count=0')).status).toBe(400);
  });

  it('creates, reads, renames and deletes projects', async () => {
    const created = await client.partner('PUT', '/projects', { name: 'Second' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Second', isDefault: false, users: [created.body.ownerId] });
    const id = created.body.id;
    expect((await client.partner('GET', `/projects/${id}`)).body.name).toBe('Second');
    expect((await client.partner('GET', '/projects/default')).body.id).toBe(defaultProjectId);
    expect((await client.partner('PATCH', `/projects/${id}`, { name: 'Renamed' })).body).toEqual({ success: true });
    expect((await client.partner('GET', `/projects/${id}`)).body.name).toBe('Renamed');
    expect((await client.partner('PUT', '/projects', {})).status).toBe(400);
    expect((await client.partner('DELETE', `/projects/${defaultProjectId}`)).status).toBe(400);
    expect((await client.partner('DELETE', `/projects/${id}`)).body).toEqual({ success: true });
    expect((await client.partner('GET', `/projects/${id}`)).status).toBe(404);
    expect((await client.partner('GET', '/projects/not-a-project!')).status).toBe(400);
  });

  it('creates a trial channel in the official format', async () => {
    const before = Date.now();
    const created = await client.partner('PUT', '/channels', { name: 'Shop', projectId: defaultProjectId, phone: '15550009999' });
    expect(created.status).toBe(200);
    const channel = created.body;
    expect(channel.id).toMatch(/^[A-Z]{6}-[A-Z0-9]{5}$/);
    expect(channel.token).toMatch(/^[a-zA-Z0-9]{32}$/);
    expect(channel).toMatchObject({ mode: 'trial', stopped: false, status: 'active', apiUrl: `${sim.url}/`, phone: '15550009999' });
    // milliseconds, as in the official sample, with a 5-day trial
    expect(channel.creationTS).toBeGreaterThanOrEqual(before);
    expect(channel.activeTill - channel.creationTS).toBe(5 * 86_400_000);
    expect(channel.trial).toBe(channel.activeTill);
  });

  it('rejects malformed channel creations like WHAPI: 400 naming the field, 404 for an unknown project', async () => {
    const empty = await client.partner('PUT', '/channels', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/name/);
    const noBody = await client.call('PUT', '/channels', { token: sim.partnerToken });
    expect(noBody.status).toBe(400);
    const badPhone = await client.partner('PUT', '/channels', { name: 'x', projectId: defaultProjectId, phone: '+1 555' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.message).toMatch(/phone/);
    const badJson = await client.call('PUT', '/channels', { token: sim.partnerToken, rawBody: '{"name":' });
    expect(badJson.status).toBe(400);
    const unknown = await client.partner('PUT', '/channels', { name: 'x', projectId: 'abcdefghij0123456789' });
    expect(unknown.status).toBe(404);
  });

  it('lists channels overall and per project, with paging and owner filter', async () => {
    const a = await newChannel();
    const b = await newChannel();
    const all = await client.partner('GET', '/channels/list');
    expect(all.body).toMatchObject({ count: 2, total: 2, offset: 0 });
    expect(all.body.channels.map((c: { id: string }) => c.id)).toEqual([a.id, b.id]);
    expect((await client.partner('GET', '/channels/list?count=1&offset=1')).body).toMatchObject({ count: 1, total: 2, offset: 1 });
    expect((await client.partner('GET', '/channels/list?uid=me')).body.total).toBe(2);
    expect((await client.partner('GET', `/channels/list?uid=${'x'.repeat(28)}`)).body.total).toBe(0);
    expect((await client.partner('GET', `/channels/list/${defaultProjectId}`)).body.total).toBe(2);
    expect((await client.partner('GET', '/channels/list/default')).body.total).toBe(2);
    expect((await client.partner('GET', '/channels/list/abcdefghij0123456789')).status).toBe(404);
    expect((await client.partner('GET', '/channels/list?count=501')).status).toBe(400);
  });

  it('gets and updates a channel; 404 for unknown, 400 for a malformed id', async () => {
    const channel = await newChannel();
    expect((await client.partner('GET', `/channels/${channel.id}`)).body).toMatchObject({ id: channel.id, token: channel.token });
    expect((await client.partner('PATCH', `/channels/${channel.id}`, { name: 'Renamed', projectId: defaultProjectId })).body).toEqual({ success: true });
    expect((await client.partner('GET', `/channels/${channel.id}`)).body.name).toBe('Renamed');
    // NOTES §11.4: PATCH requires both name and projectId
    expect((await client.partner('PATCH', `/channels/${channel.id}`, { name: 'Only name' })).status).toBe(400);
    expect((await client.partner('GET', '/channels/ABCDEF-00000')).status).toBe(404);
    expect((await client.partner('GET', '/channels/lowercase-id')).status).toBe(400);
  });

  it('extends, changes mode, stops, starts, restarts and deletes a channel', async () => {
    const channel = await newChannel();
    const path = `/channels/${channel.id}`;
    expect((await client.partner('POST', `${path}/extend`, { days: 3, comment: 'March' })).body).toEqual({ success: true });
    expect((await client.partner('POST', `${path}/extend`, { days: 3 })).status).toBe(400);
    expect((await client.partner('POST', '/channels/ABCDEF-00000/extend', { days: 3, comment: 'x' })).status).toBe(404);
    expect((await client.partner('PATCH', `${path}/mode`, { mode: 'live' })).body).toEqual({ success: true });
    expect((await client.partner('PATCH', `${path}/mode`, { mode: 'gold' })).status).toBe(400);
    expect((await client.partner('PATCH', `${path}/mode`, { mode: 'dev' })).status).toBe(200);
    expect((await client.partner('PATCH', `${path}/mode`, {})).status).toBe(200);
    expect((await client.partner('GET', path)).body.mode).toBe('live');
    expect((await client.partner('POST', `${path}/stop`)).body).toEqual({ success: true });
    expect((await client.partner('GET', path)).body.stopped).toBe(true);
    expect((await client.partner('POST', `${path}/restart`)).status).toBe(503);
    expect((await client.partner('POST', `${path}/start`)).body).toEqual({ success: true });
    expect((await client.partner('POST', `${path}/restart`)).body).toEqual({ success: true });
    expect((await client.partner('DELETE', path)).body).toEqual({ success: true });
    expect((await client.partner('DELETE', path)).status).toBe(404);
  });

  it('reads and updates partner settings; another partner name is 403', async () => {
    const settings = await client.partner('GET', '/partners/omniplus/settings');
    expect(settings.body).toMatchObject({ webhooks: [], days_limit: 7 });
    const patch = await client.partner('PATCH', '/partners/omniplus/settings', { webhooks: [{ url: 'http://127.0.0.1:9/days' }], days_limit: 30 });
    expect(patch.body).toEqual({ success: true });
    expect((await client.partner('GET', '/partners/omniplus/settings')).body).toMatchObject({
      days_limit: 30,
      webhooks: [{ url: 'http://127.0.0.1:9/days', events: [{ type: 'days', method: 'post' }], mode: 'body' }],
    });
    expect((await client.partner('GET', '/partners/someone-else/settings')).status).toBe(403);
    expect((await client.partner('PATCH', '/partners/omniplus/settings', { webhooks: [{ url: 'x', mode: 'smoke' }] })).status).toBe(400);
  });
});

describe('Gate API', () => {
  it('answers 404 "Channel not found" to a missing or unknown channel token', async () => {
    const missing = await client.call('GET', '/health');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Channel not found');
    expect((await client.gate('x'.repeat(32), 'GET', '/health')).status).toBe(404);
  });

  it('reports health with code and text', async () => {
    const channel = await newChannel();
    const health = await client.gate(channel.token, 'GET', '/health?wakeup=false');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ channel_id: channel.id, status: { code: 1, text: 'INIT' }, uptime: 0 });
    expect((await client.gate(channel.token, 'GET', '/health?wakeup=yes')).status).toBe(400);
  });

  it('serves QR logins (JSON, raw data, PNG), pairing codes, and their errors', async () => {
    const { token } = await newChannel();
    const qr = await client.gate(token, 'GET', '/users/login?wakeup=true');
    expect(qr.status).toBe(200);
    expect(qr.body).toMatchObject({ status: 'OK', base64: expect.stringMatching(/^data:image\/png;base64,/), expire: expect.any(Number) });
    expect((await client.gate(token, 'GET', '/users/login/rowdata')).body.rowdata).toBe(qr.body.rowdata);
    const image = await client.gate(token, 'GET', '/users/login/image?width=200');
    expect(image.status).toBe(200);
    expect(image.contentType).toBe('image/png');
    expect(image.raw.subarray(1, 4).toString()).toBe('PNG');
    expect((await client.gate(token, 'GET', '/users/login?color_dark=notacolour')).status).toBe(422);
    expect((await client.gate(token, 'GET', '/users/login?size=big')).status).toBe(400);
    const pairing = await client.gate(token, 'GET', '/users/login/15550002222');
    expect(pairing.body.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect((await client.gate(token, 'GET', '/users/login/12ab')).status).toBe(400);
  });

  it('answers 409 to logins and pairing once linked, and to a second logout', async () => {
    const { token } = await linkedChannel();
    expect((await client.gate(token, 'GET', '/users/login')).status).toBe(409);
    expect((await client.gate(token, 'GET', '/users/login/15550002222')).status).toBe(409);
    expect((await client.gate(token, 'GET', '/users/login/image')).status).toBe(409);
    expect((await client.gate(token, 'POST', '/users/logout')).body).toEqual({ success: true });
    expect((await client.gate(token, 'POST', '/users/logout')).status).toBe(409);
  });

  it('reads, patches, resets settings and lists events; bad settings are 400', async () => {
    const { token } = await newChannel();
    const settings = await client.gate(token, 'GET', '/settings');
    expect(settings.body.webhooks).toEqual([]);
    const webhooks = [{ url: 'http://127.0.0.1:9/hook', events: [{ type: 'messages', method: 'post' }], mode: 'body' }];
    const patched = await client.gate(token, 'PATCH', '/settings', { webhooks, offline_mode: true });
    expect(patched.status).toBe(200);
    expect(patched.body.changes.sort()).toEqual(['offline_mode', 'webhooks']);
    expect(patched.body.after_update.webhooks).toEqual(webhooks);
    // NOTES §11.5: the doc example's deprecated `ack` is outside the enum
    const deprecated = await client.gate(token, 'PATCH', '/settings', { webhooks: [{ url: 'http://x', events: [{ type: 'ack', method: 'put' }] }] });
    expect(deprecated.status).toBe(400);
    expect((await client.gate(token, 'PATCH', '/settings', { callback_backoff_delay_ms: 10 })).status).toBe(400);
    expect((await client.gate(token, 'PATCH', '/settings', { webhooks: [{ url: 'ftp://x' }] })).status).toBe(400);
    expect((await client.gate(token, 'DELETE', '/settings')).body).toEqual({ success: true });
    expect((await client.gate(token, 'DELETE', '/settings')).status).toBe(409);
    const events = await client.gate(token, 'GET', '/settings/events');
    expect(events.body).toContainEqual({ type: 'statuses', method: 'post' });
    expect((await client.gate(token, 'POST', '/settings/webhook_test', { type: 'channel', url: 'http://127.0.0.1:9/', mode: 'body' })).body).toEqual({ success: true });
    expect((await client.gate(token, 'POST', '/settings/webhook_test', { url: 'http://127.0.0.1:9/' })).status).toBe(400);
  });

  it('sends text, images and documents only once linked', async () => {
    const fresh = await newChannel();
    const unauthorised = await client.gate(fresh.token, 'POST', '/messages/text', { to: '15550001111', body: 'hi' });
    expect(unauthorised.status).toBe(401);
    const { token } = await linkedChannel();
    const text = await client.gate(token, 'POST', '/messages/text', { to: '15550001111', body: 'hi', quoted: 'p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw' });
    expect(text.status).toBe(200);
    expect(text.body).toMatchObject({
      sent: true,
      message: { type: 'text', chat_id: '15550001111@s.whatsapp.net', from_me: true, status: 'sent', source: 'api', text: { body: 'hi' } },
    });
    expect(text.body.message.id).toMatch(/^[A-Za-z0-9._]{4,30}-[A-Za-z0-9._]{4,14}$/);
    expect((await client.gate(token, 'POST', '/messages/text', { to: '+1 555', body: 'hi' })).status).toBe(400);
    expect((await client.gate(token, 'POST', '/messages/text', { to: '15550001111' })).status).toBe(400);
    const image = await client.gate(token, 'POST', '/messages/image', { to: '15550001111', media: 'https://example.com/a.png', caption: 'Look' });
    expect(image.body.message.image).toMatchObject({ mime_type: 'image/png', caption: 'Look' });
    const base64 = await client.gate(token, 'POST', '/messages/image', { to: '15550001111', media: `data:image/jpeg;base64,${Buffer.from('jpeg').toString('base64')}` });
    expect(base64.body.message.image).toMatchObject({ mime_type: 'image/jpeg', file_size: 4 });
    expect((await client.gate(token, 'POST', '/messages/image', { to: '15550001111', media: 'jpeg-0a1b2c3d' })).status).toBe(404);
    expect((await client.gate(token, 'POST', '/messages/image', { to: '15550001111', media: 'https://example.com/a.pdf' })).status).toBe(415);
    const document = await client.gate(token, 'POST', '/messages/document', { to: '15550001111', media: 'https://example.com/files/invoice.pdf', filename: 'Invoice.pdf' });
    expect(document.body.message.document).toMatchObject({ mime_type: 'application/pdf', file_name: 'Invoice.pdf' });
    const multipart = await client.call('POST', '/messages/text', { token, rawBody: '--x\r\n', contentType: 'multipart/form-data; boundary=x' });
    expect(multipart.status).toBe(415);
  });

  it('reads a message and its statuses; incoming messages have none (403)', async () => {
    const channel = await linkedChannel();
    const sent = (await client.gate(channel.token, 'POST', '/messages/text', { to: '15550001111', body: 'hi' })).body.message;
    await client.control('POST', `/__sim/messages/${sent.id}/status`, { status: 'read' });
    const message = await client.gate(channel.token, 'GET', `/messages/${sent.id}`);
    expect(message.body).toMatchObject({ id: sent.id, status: 'read' });
    const statuses = await client.gate(channel.token, 'GET', `/statuses/${sent.id}`);
    expect(statuses.body.statuses.map((s: { status: string; code: number }) => [s.status, s.code])).toEqual([['sent', 2], ['delivered', 3], ['read', 4]]);
    const incoming = (await client.control('POST', `/__sim/channels/${channel.id}/incoming`, { from: '15550003333', body: 'hello' })).body.message;
    expect((await client.gate(channel.token, 'GET', `/statuses/${incoming.id}`)).status).toBe(403);
    expect((await client.gate(channel.token, 'GET', '/messages/abcd-efghijk')).status).toBe(404);
    expect((await client.gate(channel.token, 'GET', '/statuses/abcd-efghijk')).status).toBe(404);
    expect((await client.gate(channel.token, 'GET', '/messages/x')).status).toBe(400);
    const other = await linkedChannel();
    expect((await client.gate(other.token, 'GET', `/messages/${sent.id}`)).status).toBe(404);
  });

  it('reports trial limits, and 204 for a live channel', async () => {
    const channel = await linkedChannel();
    await client.gate(channel.token, 'POST', '/messages/text', { to: '15550001111', body: 'hi' });
    const limits = await client.gate(channel.token, 'GET', '/limits');
    expect(limits.body).toMatchObject({ messages: 149, chats: ['15550001111@s.whatsapp.net'] });
    await client.partner('PATCH', `/channels/${channel.id}/mode`, { mode: 'live' });
    const live = await client.gate(channel.token, 'GET', '/limits');
    expect(live.status).toBe(204);
    expect(live.raw.length).toBe(0);
  });
});

describe('Gate API: message history', () => {
  const BOB = '15550002222';
  const BOB_CHAT = `${BOB}@s.whatsapp.net`;
  const ids = (body: { messages: { id: string }[] }) => body.messages.map((m) => m.id);
  const sendText = async (token: string, to: string, body: string) =>
    (await client.gate(token, 'POST', '/messages/text', { to, body })).body.message as { id: string; timestamp: number };

  it('lists one chat newest first, filtered by direction, author, time and paged; total counts matches before paging', async () => {
    const channel = await linkedChannel();
    const first = await sendText(channel.token, BOB, 'one');
    const second = await sendText(channel.token, BOB, 'two');
    await sendText(channel.token, '15550003333', 'elsewhere');
    const reply = (await client.control('POST', `/__sim/channels/${channel.id}/incoming`, { from: BOB, body: 'hey' })).body.message;
    await client.control('POST', '/__sim/clock', { advanceMs: 10_000 });
    const later = await sendText(channel.token, BOB, 'later');

    const chat = await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}`);
    expect(chat.status).toBe(200);
    expect(chat.body).toMatchObject({ count: 4, total: 4, offset: 0 });
    expect(ids(chat.body)).toEqual([later.id, reply.id, second.id, first.id]);
    expect(ids((await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?sort=asc`)).body)).toEqual([first.id, second.id, reply.id, later.id]);

    expect(ids((await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?from_me=true`)).body)).toEqual([later.id, second.id, first.id]);
    expect(ids((await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?from_me=false`)).body)).toEqual([reply.id]);
    expect(ids((await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?author=${BOB}`)).body)).toEqual([reply.id]);

    const since = await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?time_from=${later.timestamp}`);
    expect(ids(since.body)).toEqual([later.id]);
    const before = await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?time_to=${later.timestamp - 1}&from_me=true`);
    expect(ids(before.body)).toEqual([second.id, first.id]);

    const paged = await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?count=2&offset=1`);
    expect(paged.body).toMatchObject({ count: 2, total: 4, offset: 1 });
    expect(ids(paged.body)).toEqual([reply.id, second.id]);
  });

  it('lists every chat of the caller’s channel only', async () => {
    const channel = await linkedChannel();
    const mine = [await sendText(channel.token, BOB, 'one'), await sendText(channel.token, '15550003333', 'two')];
    const other = await linkedChannel();
    const theirs = await sendText(other.token, BOB, 'not yours');

    const all = await client.gate(channel.token, 'GET', '/messages/list');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ count: 2, total: 2, offset: 0 });
    expect(new Set(ids(all.body))).toEqual(new Set(mine.map((m) => m.id)));
    expect(ids((await client.gate(other.token, 'GET', `/messages/list/${BOB_CHAT}`)).body)).toEqual([theirs.id]);
    expect((await client.gate(other.token, 'GET', '/messages/list?from_me=false')).body).toMatchObject({ messages: [], total: 0 });
  });

  it('answers 404 for a chat without messages and 400 for malformed parameters', async () => {
    const channel = await linkedChannel();
    await sendText(channel.token, BOB, 'one');
    const missing = await client.gate(channel.token, 'GET', '/messages/list/15559999999@s.whatsapp.net');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Specified chat not found');
    // The path wants a chat ID: bare digits are a phone, not a chat.
    expect((await client.gate(channel.token, 'GET', `/messages/list/${BOB}`)).status).toBe(400);
    expect((await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?count=0`)).status).toBe(400);
    expect((await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?count=501`)).status).toBe(400);
    expect((await client.gate(channel.token, 'GET', `/messages/list/${BOB_CHAT}?from_me=1`)).status).toBe(400);
    expect((await client.gate(channel.token, 'GET', '/messages/list?sort=newest')).status).toBe(400);
  });
});

describe('paths outside the simulation', () => {
  it('answers unknown paths and methods with 404 and unsimulated official operations with 501, in the error shape', async () => {
    const unknown = await client.partner('GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 404, message: expect.stringContaining('/nope') });
    expect((await client.partner('DELETE', '/projects')).status).toBe(404);
    const { token } = await newChannel();
    const chats = await client.gate(token, 'GET', '/chats');
    expect(chats.status).toBe(501);
    expect(chats.body.error.message).toMatch(/Not simulated/);
  });
});

describe('coverage', () => {
  // Runs last (tests in a file run in order): everything above must have touched every simulated operation.
  it('exercised every simulated operation successfully, and every response matched the official spec', async () => {
    const answered = client.operationsAnswered(2);
    expect(Object.keys(SIMULATED_HANDLERS).filter((key) => !answered.has(key))).toEqual([]);
    expect(client.problems).toEqual([]);
    expect((await client.control('GET', '/__sim/state')).body.violations).toEqual([]);
  });
});
