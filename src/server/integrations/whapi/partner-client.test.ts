import { createHash } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createWhapiPartnerClient } from './partner-client';
import { resetWhapiCircuitBreakers } from './resilience';
import { PARTNER_TOKEN, failure, startScriptedServer, whapiError, wireChannelSample } from './test-support/scripted-server';

// Every Partner call: its request on the wire, its success, and each documented error with WHAPI's text.

const server = await startScriptedServer();
afterAll(() => server.close());
const client = createWhapiPartnerClient({ baseUrl: `${server.url}/`, token: PARTNER_TOKEN, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

beforeEach(() => {
  server.reset();
  resetWhapiCircuitBreakers();
});

const project = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `P${String(i).padStart(19, '0')}`,
  name: `Project ${i}`,
  creationTS: 1712598267389,
  ownerId: 'AbCdEfGhIjKlMnOpQrStUvWxYz12',
  users: [],
  ...extra,
});

describe('listProjects — GET /projects', () => {
  it('reads {projects} and pages through count/offset', async () => {
    const all = Array.from({ length: 501 }, (_, i) => project(i, { isDefault: i === 0 }));
    server.on(
      'GET /projects',
      { status: 200, body: { projects: all.slice(0, 500), count: 500, total: 501, offset: 0 } },
      { status: 200, body: { projects: all.slice(500), count: 500, total: 501, offset: 500 } },
    );
    const projects = await client.listProjects();
    expect(projects).toHaveLength(501);
    expect(projects[0]).toEqual({ id: all[0]!.id, name: 'Project 0', isDefault: true });
    expect(projects[1]?.isDefault).toBe(false);
    expect(server.requests.map((r) => `${r.query.get('count')}/${r.query.get('offset')}`)).toEqual(['500/0', '500/500']);
  });

  it('also reads a bare array (NOTES §10.5)', async () => {
    server.on('GET /projects', { status: 200, body: [project(1)] });
    expect(await client.listProjects()).toEqual([{ id: project(1).id, name: 'Project 1', isDefault: false }]);
  });

  it('maps 400 with WHAPI text', async () => {
    server.on('GET /projects', whapiError(400, 'Wrong request parameters'));
    const error = await failure(client.listProjects());
    expect(error.code).toBe('UPSTREAM_REJECTED');
    expect(error.message).toContain('Wrong request parameters');
  });
});

describe('createChannel — PUT /channels', () => {
  it('sends name, projectId and phone, and returns our channel', async () => {
    server.on('PUT /channels', { status: 200, body: wireChannelSample({ phone: '15550001111' }) });
    const channel = await client.createChannel({ name: 'Shop front', projectId: 'AbCdEfGhIjKlMnOpQrSt', phone: '15550001111' });
    expect(server.requests[0]?.body).toEqual({ name: 'Shop front', projectId: 'AbCdEfGhIjKlMnOpQrSt', phone: '15550001111' });
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(channel).toMatchObject({ id: 'MANTIS-PF298', mode: 'trial', phone: '15550001111', createdAt: new Date(1712598267389) });
  });

  it('leaves phone out when not given', async () => {
    server.on('PUT /channels', { status: 200, body: wireChannelSample() });
    await client.createChannel({ name: 'a', projectId: 'p' });
    expect(server.requests[0]?.body).toEqual({ name: 'a', projectId: 'p' });
  });

  it.each([
    [400, 'Wrong request parameters', 'UPSTREAM_REJECTED', 'rejected'],
    [401, 'Unauthorized', 'UPSTREAM_REJECTED', 'token'],
    [404, 'Project not found', 'NOT_FOUND', 'not_found'],
    [429, 'Too Many Requests', 'RATE_LIMITED', 'limit'],
    [500, 'Internal error', 'UPSTREAM_UNAVAILABLE', 'unavailable'],
    [503, 'all servers are currently busy, try later', 'UPSTREAM_UNAVAILABLE', 'unavailable'],
  ] as const)('maps %i to %s with WHAPI text', async (status, text, code, kind) => {
    server.on('PUT /channels', whapiError(status, text));
    const error = await failure(client.createChannel({ name: 'a', projectId: 'p' }));
    expect([error.code, error.kind, error.upstreamStatus]).toEqual([code, kind, status]);
    expect(error.message).toContain(text);
  });

  it('says the partner token was rejected on 401', async () => {
    server.on('PUT /channels', whapiError(401, 'Unauthorized'));
    expect((await failure(client.createChannel({ name: 'a', projectId: 'p' }))).message).toBe(
      'WHAPI rejected the partner token (WHAPI 401: Unauthorized).',
    );
  });

  it('rejects a reply that is not a channel', async () => {
    server.on('PUT /channels', { status: 200, body: { success: true } });
    const error = await failure(client.createChannel({ name: 'a', projectId: 'p' }));
    expect(error.kind).toBe('bad_reply');
    expect(error.code).toBe('UPSTREAM_REJECTED');
  });
});

describe('getChannel — GET /channels/{id}', () => {
  it('returns the channel, seconds or milliseconds alike', async () => {
    server.on('GET /channels/SHAZAM-3HDYQ', { status: 200, body: wireChannelSample({ id: 'SHAZAM-3HDYQ', activeTill: 1713116667, mode: 'live' }) });
    const channel = await client.getChannel('SHAZAM-3HDYQ');
    expect(channel.activeTill).toEqual(new Date(1713116667000));
    expect(channel.mode).toBe('live');
  });

  it('maps 404 to NOT_FOUND with WHAPI text', async () => {
    server.on('GET /channels/SHAZAM-3HDYQ', whapiError(404, 'Specified channel not found'));
    const error = await failure(client.getChannel('SHAZAM-3HDYQ'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('WHAPI could not find the channel (WHAPI 404: Specified channel not found).');
  });

  it('encodes the id into the path', async () => {
    server.on('GET /channels/a%2Fb', whapiError(400, 'Wrong id'));
    await failure(client.getChannel('a/b'));
    expect(server.requests[0]?.path).toBe('/channels/a%2Fb');
  });
});

describe('listChannels — GET /channels/list[/{projectId}]', () => {
  it('lists all channels, or those of one project', async () => {
    server.on('GET /channels/list', { status: 200, body: { channels: [wireChannelSample()], count: 1, total: 1, offset: 0 } });
    server.on('GET /channels/list/AbCdEfGhIjKlMnOpQrSt', { status: 200, body: { channels: [], count: 0, total: 0, offset: 0 } });
    expect((await client.listChannels()).map((c) => c.id)).toEqual(['MANTIS-PF298']);
    expect(await client.listChannels('AbCdEfGhIjKlMnOpQrSt')).toEqual([]);
  });

  it('maps an unknown project to NOT_FOUND', async () => {
    server.on('GET /channels/list/nope', whapiError(404, 'Project not found'));
    const error = await failure(client.listChannels('nope'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('Project not found');
  });
});

describe('deleteChannel — DELETE /channels/{id}', () => {
  it('returns the status and a hash of the body', async () => {
    server.on('DELETE /channels/MANTIS-PF298', { status: 200, raw: '{"success":true}', headers: { 'content-type': 'application/json' } });
    expect(await client.deleteChannel('MANTIS-PF298')).toEqual({
      status: 200,
      bodyHash: createHash('sha256').update('{"success":true}').digest('hex'),
    });
  });

  it('treats 404 as success, reported through status', async () => {
    server.on('DELETE /channels/MANTIS-PF298', whapiError(404, 'Specified channel not found'));
    expect((await client.deleteChannel('MANTIS-PF298')).status).toBe(404);
  });

  it('maps 400 and success:false to UPSTREAM_REJECTED, 500 to UPSTREAM_UNAVAILABLE', async () => {
    server.on('DELETE /channels/MANTIS-PF298', whapiError(400, 'Wrong channel id'));
    expect((await failure(client.deleteChannel('MANTIS-PF298'))).message).toContain('Wrong channel id');
    server.on('DELETE /channels/MANTIS-PF298', { status: 200, body: { success: false } });
    expect((await failure(client.deleteChannel('MANTIS-PF298'))).code).toBe('UPSTREAM_REJECTED');
    server.on('DELETE /channels/MANTIS-PF298', whapiError(500, 'Internal error'));
    expect((await failure(client.deleteChannel('MANTIS-PF298'))).code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('extendChannel — POST /channels/{id}/extend', () => {
  it('sends days and comment; accepts {success} or the channel back (NOTES §10.2)', async () => {
    server.on('POST /channels/MANTIS-PF298/extend', { status: 200, body: { success: true } }, { status: 200, body: wireChannelSample() });
    await client.extendChannel('MANTIS-PF298', { days: 30, comment: 'op 42' });
    await client.extendChannel('MANTIS-PF298', { days: 1, comment: 'op 43' });
    expect(server.requests.map((r) => r.body)).toEqual([
      { days: 30, comment: 'op 42' },
      { days: 1, comment: 'op 43' },
    ]);
  });

  it.each([
    [400, 'Not enough days on balance', 'UPSTREAM_REJECTED'],
    [404, 'Specified channel not found', 'NOT_FOUND'],
    [503, 'Channel not ready', 'UPSTREAM_UNAVAILABLE'],
  ] as const)('maps %i with WHAPI text', async (status, text, code) => {
    server.on('POST /channels/MANTIS-PF298/extend', whapiError(status, text));
    const error = await failure(client.extendChannel('MANTIS-PF298', { days: 30, comment: 'x' }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('does not take success:false for a success', async () => {
    server.on('POST /channels/MANTIS-PF298/extend', { status: 200, body: { success: false } });
    expect((await failure(client.extendChannel('MANTIS-PF298', { days: 30, comment: 'x' }))).kind).toBe('rejected');
  });
});

describe('changeMode — PATCH /channels/{id}/mode', () => {
  it('sends the mode', async () => {
    server.on('PATCH /channels/MANTIS-PF298/mode', { status: 200, body: { success: true } });
    await client.changeMode('MANTIS-PF298', 'live');
    expect(server.requests[0]?.body).toEqual({ mode: 'live' });
  });

  it('maps 403 and 404 with WHAPI text', async () => {
    server.on('PATCH /channels/MANTIS-PF298/mode', whapiError(403, 'Forbidden'));
    const forbidden = await failure(client.changeMode('MANTIS-PF298', 'dev'));
    expect([forbidden.code, forbidden.kind]).toEqual(['UPSTREAM_REJECTED', 'forbidden']);
    expect(forbidden.message).toBe('WHAPI refused this request (WHAPI 403: Forbidden).');
    server.on('PATCH /channels/MANTIS-PF298/mode', whapiError(404, 'Specified channel not found'));
    expect((await failure(client.changeMode('MANTIS-PF298', 'dev'))).code).toBe('NOT_FOUND');
  });
});

describe('partner settings — GET/PATCH /partners/{name}/settings', () => {
  it('reads webhooks, days_limit and noChat', async () => {
    server.on('GET /partners/whapicloud/settings', {
      status: 200,
      body: { webhooks: [{ url: 'https://app/hooks/partner/s3cr3t', events: [{ type: 'days', method: 'post' }], mode: 'body' }], days_limit: 30, noChat: false },
    });
    expect(await client.getPartnerSettings('whapicloud')).toEqual({
      webhooks: [{ url: 'https://app/hooks/partner/s3cr3t', events: [{ type: 'days', method: 'post' }], mode: 'body' }],
      daysLimit: 30,
      noChat: false,
    });
  });

  it('reads empty settings', async () => {
    server.on('GET /partners/whapicloud/settings', { status: 200, body: {} });
    expect(await client.getPartnerSettings('whapicloud')).toEqual({ webhooks: [], daysLimit: null, noChat: null });
  });

  it('writes only the given fields, in WHAPI spelling', async () => {
    server.on('PATCH /partners/whapicloud/settings', { status: 200, body: { success: true } });
    await client.updatePartnerSettings('whapicloud', {
      webhooks: [{ url: 'https://app/hooks/partner/s3cr3t', events: [{ type: 'days', method: 'post' }], mode: 'body' }],
      daysLimit: 7,
    });
    expect(server.requests[0]?.body).toEqual({
      webhooks: [{ url: 'https://app/hooks/partner/s3cr3t', events: [{ type: 'days', method: 'post' }], mode: 'body' }],
      days_limit: 7,
    });
  });

  it('maps 403 with WHAPI text', async () => {
    server.on('GET /partners/other/settings', whapiError(403, 'Access denied'));
    server.on('PATCH /partners/other/settings', whapiError(403, 'Access denied'));
    expect((await failure(client.getPartnerSettings('other'))).message).toContain('Access denied');
    expect((await failure(client.updatePartnerSettings('other', { daysLimit: 3 }))).kind).toBe('forbidden');
  });
});
