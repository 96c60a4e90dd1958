import { describe, expect, it } from 'vitest';
import { parsePartnerDaysNotice, parseWhapiWebhook } from './webhook';

// Body-mode envelopes as NOTES §7 shows them (shapes from the official help desk pages).

describe('parseWhapiWebhook', () => {
  it('reads channel health (channel.post)', () => {
    const parsed = parseWhapiWebhook({
      health: { start_at: 1700000000, uptime: 78, status: { code: 3, text: 'QR' }, version: '1.8.x' },
      event: { type: 'channel', event: 'post' },
      channel_id: 'ABCDEF-12345',
    });
    expect(parsed).toEqual({
      ok: true,
      event: {
        kind: 'health',
        channelId: 'ABCDEF-12345',
        health: {
          status: 'QR',
          statusCode: 3,
          statusText: 'QR',
          startedAt: new Date(1700000000000),
          uptimeSeconds: 78,
          version: '1.8.x',
          channelId: null,
          user: null,
        },
      },
    });
  });

  it('reads login and logout (users.post / users.delete)', () => {
    const login = { user: { id: '15550002222', name: 'Bob' }, event: { type: 'users', event: 'post' }, channel_id: 'ABCDEF-12345' };
    expect(parseWhapiWebhook(login)).toEqual({
      ok: true,
      event: { kind: 'user_linked', channelId: 'ABCDEF-12345', user: { phone: '15550002222', name: 'Bob' } },
    });
    expect(parseWhapiWebhook({ ...login, event: { type: 'users', event: 'delete' } })).toEqual({
      ok: true,
      event: { kind: 'user_unlinked', channelId: 'ABCDEF-12345', user: { phone: '15550002222', name: 'Bob' } },
    });
    expect(parseWhapiWebhook({ event: { type: 'users', event: 'delete' }, channel_id: 'ABCDEF-12345' })).toMatchObject({
      ok: true,
      event: { kind: 'user_unlinked', user: null },
    });
  });

  it('reads incoming messages and skips items it cannot read', () => {
    const parsed = parseWhapiWebhook({
      messages: [
        {
          id: 'Ab12.cd-EfGh',
          from_me: false,
          type: 'text',
          chat_id: '15550001111@s.whatsapp.net',
          timestamp: 1700000000,
          source: 'mobile',
          text: { body: 'hi' },
          from: '15550001111',
          from_name: 'Ann',
        },
        { id: 'broken' },
      ],
      event: { type: 'messages', event: 'post' },
      channel_id: 'ABCDEF-12345',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.event.kind !== 'messages') throw new Error('expected messages');
    expect(parsed.event.method).toBe('post');
    expect(parsed.event.skipped).toBe(1);
    expect(parsed.event.messages).toEqual([
      {
        id: 'Ab12.cd-EfGh',
        type: 'text',
        chatId: '15550001111@s.whatsapp.net',
        from: '15550001111',
        fromMe: false,
        fromName: 'Ann',
        source: 'mobile',
        status: null,
        timestamp: new Date(1700000000000),
        text: 'hi',
        media: null,
      },
    ]);
  });

  it('reads statuses with string timestamps, and the spec spelling event.method', () => {
    const parsed = parseWhapiWebhook({
      statuses: [{ id: 'Ab12.cd-EfGh', code: 4, status: 'read', recipient_id: '15550001111@s.whatsapp.net', timestamp: '1700000050' }],
      event: { type: 'statuses', method: 'post' },
      channel_id: 'ABCDEF-12345',
    });
    expect(parsed).toEqual({
      ok: true,
      event: {
        kind: 'statuses',
        channelId: 'ABCDEF-12345',
        method: 'post',
        skipped: 0,
        statuses: [
          {
            messageId: 'Ab12.cd-EfGh',
            status: 'read',
            code: 4,
            recipientId: '15550001111@s.whatsapp.net',
            viewerId: null,
            timestamp: new Date(1700000050000),
          },
        ],
      },
    });
  });

  it('reads a QR refresh under "channel" or "channels" (NOTES §10.11)', () => {
    for (const type of ['channel', 'channels']) {
      expect(parseWhapiWebhook({ qr: { status: 'OK', base64: 'AAA=', expire: 20 }, event: { type, event: 'patch' } })).toMatchObject({
        ok: true,
        event: { kind: 'qr', channelId: null, qr: { qrDataUrl: 'data:image/png;base64,AAA=', expiresInSeconds: 20 } },
      });
    }
  });

  it('passes other events through as "other" and maps deprecated names', () => {
    expect(parseWhapiWebhook({ chats: [], event: { type: 'chats', event: 'post' }, channel_id: 'X' })).toEqual({
      ok: true,
      event: { kind: 'other', channelId: 'X', type: 'chats', method: 'post' },
    });
    expect(parseWhapiWebhook({ statuses: [], event: { type: 'ack', event: 'post' } })).toMatchObject({ ok: true, event: { kind: 'statuses' } });
  });

  it('infers the event from the payload when the envelope is missing', () => {
    expect(parseWhapiWebhook({ health: { start_at: 1, uptime: 1, status: { code: 4, text: 'AUTH' } } })).toMatchObject({
      ok: true,
      event: { kind: 'health', health: { status: 'AUTH' } },
    });
  });

  it('refuses what it cannot read', () => {
    expect(parseWhapiWebhook('hello').ok).toBe(false);
    expect(parseWhapiWebhook(null).ok).toBe(false);
    expect(parseWhapiWebhook({ something: 1 }).ok).toBe(false);
    expect(parseWhapiWebhook({ event: { type: 'channel', event: 'post' }, health: { nope: true } })).toEqual({
      ok: false,
      problem: 'channel.post without a readable `health`',
    });
    expect(parseWhapiWebhook({ event: { type: 'users', event: 'post' } }).ok).toBe(false);
  });
});

describe('parsePartnerDaysNotice (payload undocumented, NOTES §10.4)', () => {
  it('finds days left and the limit at the top level', () => {
    const body = { days: 6, days_limit: 7, event: { type: 'days', event: 'post' } };
    expect(parsePartnerDaysNotice(body)).toEqual({ daysLeft: 6, daysLimit: 7, raw: body });
  });

  it('finds them nested and as strings, preferring the most specific key', () => {
    const body = { partner: { balance: '120.5', settings: { daysLimit: '30' } }, data: { remaining_days: '12' } };
    expect(parsePartnerDaysNotice(body)).toMatchObject({ daysLeft: 12, daysLimit: 30 });
  });

  it('returns nulls but keeps the body when nothing looks like days', () => {
    const body = { hello: 'world', event: { type: 'days' } };
    expect(parsePartnerDaysNotice(body)).toEqual({ daysLeft: null, daysLimit: null, raw: body });
    expect(parsePartnerDaysNotice('x')).toEqual({ daysLeft: null, daysLimit: null, raw: 'x' });
  });
});
