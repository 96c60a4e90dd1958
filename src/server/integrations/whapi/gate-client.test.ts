import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../app-error';
import { createWhapiGateClient } from './gate-client';
import { resetWhapiCircuitBreakers } from './resilience';
import { CHANNEL_TOKEN, failure, startScriptedServer, whapiError } from './test-support/scripted-server';

// Every Gate call: its request on the wire, its success, and each documented error with WHAPI's text.

const server = await startScriptedServer();
afterAll(() => server.close());
const gate = createWhapiGateClient({ baseUrl: server.url, token: CHANNEL_TOKEN, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

beforeEach(() => {
  server.reset();
  resetWhapiCircuitBreakers();
});

const MESSAGE_ID = 'p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw';
const sentBody = (extra: Record<string, unknown> = {}) => ({
  sent: true,
  message: {
    id: MESSAGE_ID,
    type: 'text',
    chat_id: '15550001111@s.whatsapp.net',
    from_me: true,
    source: 'api',
    status: 'pending',
    timestamp: 1712995245,
    text: { body: 'hi' },
    ...extra,
  },
});

describe('health — GET /health', () => {
  it('returns status and the linked user', async () => {
    server.on('GET /health', {
      status: 200,
      body: { start_at: 1712995245, uptime: 78, status: { code: 4, text: 'AUTH' }, version: '1.8.7', user: { id: '15550002222', name: 'Bob' } },
    });
    const health = await gate.health();
    expect(health).toMatchObject({ status: 'AUTH', statusCode: 4, uptimeSeconds: 78, user: { phone: '15550002222', name: 'Bob' } });
    expect(health.startedAt).toEqual(new Date(1712995245000));
    expect(server.requests[0]?.query.has('wakeup')).toBe(false);
  });

  it('sends wakeup=false as the string "false"', async () => {
    server.on('GET /health', { status: 200, body: { start_at: 1, uptime: 1, status: { code: 3, text: 'QR' } } });
    expect((await gate.health({ wakeup: false })).user).toBeNull();
    expect(server.requests[0]?.query.get('wakeup')).toBe('false');
  });

  it('reads 404 "Channel not found" as a rejected channel token', async () => {
    server.on('GET /health', whapiError(404, 'Channel not found'));
    const error = await failure(gate.health());
    expect([error.code, error.kind, error.upstreamStatus]).toEqual(['UPSTREAM_REJECTED', 'token', 404]);
    expect(error.message).toContain('WHAPI rejected the channel token');
    expect(error.message).toContain('Channel not found');
  });

  it('maps 500 to UPSTREAM_UNAVAILABLE', async () => {
    server.on('GET /health', whapiError(500, 'Internal error'));
    expect((await failure(gate.health())).code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('loginQr — GET /users/login?wakeup=true', () => {
  it('returns a data URL, the raw code and the expiry', async () => {
    server.on('GET /users/login', { status: 200, body: { status: 'OK', base64: 'iVBORw0KGgo=', rowdata: '2@abc', expire: 20 } });
    expect(await gate.loginQr()).toEqual({ qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=', qrText: '2@abc', expiresInSeconds: 20, status: 'OK' });
    expect(server.requests[0]?.query.get('wakeup')).toBe('true');
  });

  it('falls back to 60 s when WHAPI gives no expiry', async () => {
    server.on('GET /users/login', { status: 200, body: { status: 'OK', base64: 'data:image/png;base64,AAA=' } });
    expect(await gate.loginQr()).toMatchObject({ qrDataUrl: 'data:image/png;base64,AAA=', expiresInSeconds: 60 });
  });

  it.each([
    [409, 'Channel already authenticated', 'CONFLICT', 'conflict'],
    [406, 'Not acceptable for mobile type channel', 'UPSTREAM_REJECTED', 'rejected'],
    [422, 'Render QR failed', 'UPSTREAM_REJECTED', 'rejected'],
    [500, 'Internal error', 'UPSTREAM_UNAVAILABLE', 'unavailable'],
  ] as const)('maps %i with WHAPI text', async (status, text, code, kind) => {
    server.on('GET /users/login', whapiError(status, text));
    const error = await failure(gate.loginQr());
    expect([error.code, error.kind]).toEqual([code, kind]);
    expect(error.message).toContain(text);
  });
});

describe('pairingCode — GET /users/login/{phone}', () => {
  it('asks with digits only and returns the code', async () => {
    server.on('GET /users/login/15550001111', { status: 200, body: { code: '123-456' } });
    expect(await gate.pairingCode('+1 555 000 1111')).toBe('123-456');
  });

  it('refuses a number that cannot be a phone, without calling WHAPI', async () => {
    const error = await gate.pairingCode('12').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect(server.requests).toHaveLength(0);
  });

  it('maps 400 and 409 with WHAPI text', async () => {
    server.on('GET /users/login/15550001111', whapiError(400, 'Invalid phone number'), whapiError(409, 'Channel already authenticated'));
    expect((await failure(gate.pairingCode('15550001111'))).message).toContain('Invalid phone number');
    expect((await failure(gate.pairingCode('15550001111'))).code).toBe('CONFLICT');
  });
});

describe('logout — POST /users/logout', () => {
  it('logs out, and takes 409 "already logged out" as done', async () => {
    server.on('POST /users/logout', { status: 200, body: { success: true } }, whapiError(409, 'Channel already logged out'));
    expect(await gate.logout()).toEqual({ alreadyLoggedOut: false });
    expect(await gate.logout()).toEqual({ alreadyLoggedOut: true });
  });

  it('maps 500 to UPSTREAM_UNAVAILABLE', async () => {
    server.on('POST /users/logout', whapiError(500, 'Internal error'));
    expect((await failure(gate.logout())).code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('settings — GET/PATCH /settings', () => {
  const webhook = { url: 'https://app/hooks/whapi/s3cr3t', events: [{ type: 'messages', method: 'post' }], mode: 'body' };

  it('reads settings', async () => {
    server.on('GET /settings', { status: 200, body: { webhooks: [webhook], callback_backoff_delay_ms: 3000, offline_mode: false } });
    expect(await gate.getSettings()).toEqual({
      webhooks: [webhook],
      callbackBackoffDelayMs: 3000,
      maxCallbackBackoffDelayMs: null,
      callbackPersist: null,
      offlineMode: false,
      fullHistory: null,
    });
  });

  it('patches only the given fields in WHAPI spelling and returns the new settings', async () => {
    server.on('PATCH /settings', { status: 200, body: { before_update: {}, after_update: { webhooks: [webhook] }, changes: ['webhooks'] } });
    const result = await gate.updateSettings({
      webhooks: [{ url: webhook.url, events: [{ type: 'messages', method: 'post' }, { type: 'users', method: 'post' }], mode: 'body' }],
      callbackPersist: true,
    });
    expect(server.requests[0]?.body).toEqual({
      webhooks: [{ url: webhook.url, events: [{ type: 'messages', method: 'post' }, { type: 'users', method: 'post' }], mode: 'body' }],
      callback_persist: true,
    });
    expect(result.changes).toEqual(['webhooks']);
    expect(result.settings?.webhooks).toEqual([webhook]);
  });

  it('accepts a bare {success} answer', async () => {
    server.on('PATCH /settings', { status: 200, body: { success: true } });
    expect(await gate.updateSettings({ offlineMode: true })).toEqual({ settings: null, changes: [] });
  });

  it('maps 400 with WHAPI text', async () => {
    server.on('PATCH /settings', whapiError(400, 'Wrong settings format'));
    const error = await failure(gate.updateSettings({ offlineMode: true }));
    expect(error.message).toBe('WHAPI rejected the request (WHAPI 400: Wrong settings format).');
  });
});

describe('send — POST /messages/text|image|document', () => {
  it('sends text and returns the message id; 200 or 201 alike (NOTES §10.9)', async () => {
    server.on('POST /messages/text', { status: 200, body: sentBody() }, { status: 201, body: sentBody() });
    for (let i = 0; i < 2; i++) {
      const result = await gate.sendText({ to: '15550001111', body: 'hi' });
      expect(result).toMatchObject({ sent: true, messageId: MESSAGE_ID, message: { status: 'pending', fromMe: true, text: 'hi' } });
    }
    expect(server.requests[0]?.body).toEqual({ to: '15550001111', body: 'hi' });
  });

  it('keeps the id even when the message object is partial', async () => {
    server.on('POST /messages/text', { status: 200, body: { sent: true, message: { id: MESSAGE_ID } } });
    expect(await gate.sendText({ to: '15550001111', body: 'hi' })).toEqual({ sent: true, messageId: MESSAGE_ID, message: null });
  });

  it('sends image and document fields in WHAPI spelling', async () => {
    server.on('POST /messages/image', { status: 200, body: sentBody({ type: 'image', text: undefined }) });
    server.on('POST /messages/document', { status: 200, body: sentBody({ type: 'document', text: undefined }) });
    await gate.sendImage({ to: '15550001111', media: 'https://x/a.png', caption: 'look', mimeType: 'image/png' });
    await gate.sendDocument({ to: '15550001111', media: 'https://x/a.pdf', filename: 'a.pdf' });
    expect(server.requests.map((r) => r.body)).toEqual([
      { to: '15550001111', media: 'https://x/a.png', caption: 'look', mime_type: 'image/png' },
      { to: '15550001111', media: 'https://x/a.pdf', filename: 'a.pdf' },
    ]);
  });

  it.each([
    [400, 'Wrong request parameters', 'UPSTREAM_REJECTED', 'rejected'],
    [401, 'Need channel authorization for send message', 'UPSTREAM_REJECTED', 'not_linked'],
    [402, 'Trial version limit exceeded', 'RATE_LIMITED', 'limit'],
    [403, 'It is forbidden to send to this group/recipient', 'UPSTREAM_REJECTED', 'forbidden'],
    [413, 'Request body too large', 'UPSTREAM_REJECTED', 'rejected'],
    [429, 'Too many requests', 'RATE_LIMITED', 'limit'],
    [500, 'Internal error', 'UPSTREAM_UNAVAILABLE', 'unavailable'],
  ] as const)('maps text send %i with WHAPI text', async (status, text, code, kind) => {
    server.on('POST /messages/text', whapiError(status, text));
    const error = await failure(gate.sendText({ to: '15550001111', body: 'hi' }));
    expect([error.code, error.kind, error.upstreamStatus]).toEqual([code, kind, status]);
    expect(error.message).toContain(text);
  });

  it.each([
    [404, 'Media with specified id not found', 'NOT_FOUND'],
    [413, 'Request media too large', 'UPSTREAM_REJECTED'],
    [415, 'Unsupported media type', 'UPSTREAM_REJECTED'],
  ] as const)('maps media send %i with WHAPI text', async (status, text, code) => {
    server.on('POST /messages/image', whapiError(status, text));
    server.on('POST /messages/document', whapiError(status, text));
    for (const error of [
      await failure(gate.sendImage({ to: '15550001111', media: 'jpeg-4f8a9c2e-1d3b' })),
      await failure(gate.sendDocument({ to: '15550001111', media: 'pdf-4f8a9c2e-1d3b' })),
    ]) {
      expect(error.code).toBe(code);
      expect(error.message).toContain(text);
    }
  });
});

describe('getMessage — GET /messages/{id}', () => {
  it('returns the message with a seconds timestamp', async () => {
    server.on(`GET /messages/${MESSAGE_ID}`, { status: 200, body: sentBody({ status: 'read' }).message });
    const message = await gate.getMessage(MESSAGE_ID);
    expect(message).toMatchObject({ id: MESSAGE_ID, status: 'read', timestamp: new Date(1712995245000) });
  });

  it('maps 404 to NOT_FOUND with WHAPI text', async () => {
    server.on(`GET /messages/${MESSAGE_ID}`, whapiError(404, 'Specified message not found'));
    const error = await failure(gate.getMessage(MESSAGE_ID));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('WHAPI could not find the message (WHAPI 404: Specified message not found).');
  });
});

describe('listChatMessages — GET /messages/list/{ChatID}', () => {
  const CHAT = 'GET /messages/list/15550001111@s.whatsapp.net';
  const older = { ...sentBody().message, id: 'Older.message.id-AAAAAAAAAA', timestamp: 1712995200 };
  const page = (messages: unknown[], extra: Record<string, unknown> = {}) => ({
    status: 200,
    body: { messages, count: messages.length, total: messages.length, offset: 0, ...extra },
  });

  it('asks for a phone’s personal chat with its filters in WHAPI spelling and returns the messages, newest first', async () => {
    server.on(CHAT, page([sentBody().message, older]));
    const result = await gate.listChatMessages({ chatId: '+15550001111', fromMe: true, timeFrom: new Date(1712995200_900), count: 50, offset: 0 });
    expect(result.messages.map((m) => [m.id, m.fromMe, m.text])).toEqual([[MESSAGE_ID, true, 'hi'], [older.id, true, 'hi']]);
    expect([result.total, result.scanned]).toEqual([2, 2]);
    // '@' travels literally (a server that didn't decode %40 would find no chat); the time is whole seconds.
    expect(server.requests[0]?.path).toBe('/messages/list/15550001111@s.whatsapp.net');
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ from_me: 'true', time_from: '1712995200', count: '50', offset: '0' });
  });

  it('passes a full chat id as it is, from_me=false as the string, and no filter it was not given', async () => {
    server.on('GET /messages/list/120363012345678901@g.us', page([]));
    expect(await gate.listChatMessages({ chatId: '120363012345678901@g.us', fromMe: false })).toEqual({ messages: [], total: 0, scanned: 0 });
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ from_me: 'false' });
  });

  it('skips messages it cannot read but still counts them, and says so in the log', async () => {
    const warnings: object[] = [];
    const logged = createWhapiGateClient({ baseUrl: server.url, token: CHANNEL_TOKEN, log: { warn: (obj) => warnings.push(obj) } });
    server.on(CHAT, page([{ id: 'Poll.update.id-BBBBBBBBBB', type: 'poll_update' }, sentBody().message, 'garbage'], { total: 7 }));
    const result = await logged.listChatMessages({ chatId: '15550001111' });
    expect(result.messages.map((m) => m.id)).toEqual([MESSAGE_ID]);
    expect([result.total, result.scanned]).toEqual([7, 3]);
    expect(warnings).toEqual([{ operation: 'GET /messages/list/{chatId}', skipped: 2 }]);
  });

  it('counts from the offset when WHAPI leaves out total', async () => {
    server.on(CHAT, { status: 200, body: { messages: [sentBody().message], offset: 10 } });
    expect(await gate.listChatMessages({ chatId: '15550001111', offset: 10 })).toMatchObject({ total: 11, scanned: 1 });
  });

  it('reads 404 "Specified chat not found" as an empty history: nothing was ever sent there', async () => {
    server.on(CHAT, whapiError(404, 'Specified chat not found'));
    expect(await gate.listChatMessages({ chatId: '15550001111' })).toEqual({ messages: [], total: 0, scanned: 0 });
    expect(server.hits(CHAT)).toBe(1);
  });

  it('keeps 404 "Channel not found" a rejected token, not an empty history', async () => {
    server.on(CHAT, whapiError(404, 'Channel not found'));
    const error = await failure(gate.listChatMessages({ chatId: '15550001111' }));
    expect([error.code, error.kind]).toEqual(['UPSTREAM_REJECTED', 'token']);
  });

  it('retries outages like any safe read, then gives UPSTREAM_UNAVAILABLE', async () => {
    server.on(CHAT, whapiError(503, 'Service unavailable'), page([older]));
    expect((await gate.listChatMessages({ chatId: '15550001111' })).messages.map((m) => m.id)).toEqual([older.id]);
    expect(server.hits(CHAT)).toBe(2);

    server.reset();
    server.on(CHAT, whapiError(500, 'Internal error'));
    expect((await failure(gate.listChatMessages({ chatId: '15550001111' }))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(server.hits(CHAT)).toBe(3);
  });

  it('maps 400 with WHAPI text and an unreadable reply to bad_reply', async () => {
    server.on(CHAT, whapiError(400, 'query.count must be <= 500'), { status: 200, body: [1, 2] });
    expect((await failure(gate.listChatMessages({ chatId: '15550001111', count: 501 }))).message).toBe(
      'WHAPI rejected the request (WHAPI 400: query.count must be <= 500).',
    );
    expect((await failure(gate.listChatMessages({ chatId: '15550001111' }))).kind).toBe('bad_reply');
  });

  it('refuses a chat that is neither a phone number nor a chat id, without calling WHAPI', async () => {
    for (const chatId of ['', '12', 'Bob', '555-0001111']) {
      const error = await gate.listChatMessages({ chatId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('messageStatuses — GET /statuses/{id}', () => {
  it('returns the statuses', async () => {
    server.on(`GET /statuses/${MESSAGE_ID}`, {
      status: 200,
      body: { statuses: [{ id: MESSAGE_ID, code: 3, status: 'delivered', recipient_id: '15550001111@s.whatsapp.net', timestamp: '1712995290' }] },
    });
    expect(await gate.messageStatuses(MESSAGE_ID)).toEqual([
      { messageId: MESSAGE_ID, status: 'delivered', code: 3, recipientId: '15550001111@s.whatsapp.net', viewerId: null, timestamp: new Date(1712995290000) },
    ]);
  });

  it('maps 403 (incoming message) and 404', async () => {
    server.on(`GET /statuses/${MESSAGE_ID}`, whapiError(403, 'View statuses available only for outgoing messages'), whapiError(404, 'Specified message not found'));
    const forbidden = await failure(gate.messageStatuses(MESSAGE_ID));
    expect(forbidden.kind).toBe('forbidden');
    expect(forbidden.message).toContain('only for outgoing messages');
    expect((await failure(gate.messageStatuses(MESSAGE_ID))).code).toBe('NOT_FOUND');
  });
});

describe('getLimits — GET /limits', () => {
  it('returns trial quotas, or null for 204 (no limits)', async () => {
    server.on('GET /limits', { status: 200, body: { messages: 150, chats: ['15550001111@s.whatsapp.net'], checks: 10, requests: 1000 } }, { status: 204 });
    expect(await gate.getLimits()).toEqual({ messages: 150, chats: ['15550001111@s.whatsapp.net'], checks: 10, requests: 1000 });
    expect(await gate.getLimits()).toBeNull();
  });
});
