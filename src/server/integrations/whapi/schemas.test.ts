import { describe, expect, it } from 'vitest';
import { wireHealth, wireMessage, wireQr, wireStatuses } from './gate-schemas';
import { toDate, toDigits, wireChannel } from './schemas';
import { CHANNEL_TOKEN, wireChannelSample } from './test-support/scripted-server';

describe('time normalisation (NOTES §0: ms on partner channels, seconds on Gate)', () => {
  it('reads numbers below 1e12 as seconds and larger ones as milliseconds', () => {
    expect(toDate(1712598267)?.toISOString()).toBe('2024-04-08T17:44:27.000Z');
    expect(toDate(1712598267389)?.toISOString()).toBe('2024-04-08T17:44:27.389Z');
  });

  it('reads numeric strings (status timestamps are strings of seconds)', () => {
    expect(toDate('1700000050')?.toISOString()).toBe('2023-11-14T22:14:10.000Z');
  });

  it('turns missing, zero and junk into null', () => {
    expect(toDate(null)).toBeNull();
    expect(toDate(undefined)).toBeNull();
    expect(toDate(0)).toBeNull();
    expect(toDate('soon')).toBeNull();
  });
});

describe('channel', () => {
  it('maps the official sample (milliseconds) to our type', () => {
    const channel = wireChannel.parse(wireChannelSample({ phone: '15550001111' }));
    expect(channel).toEqual({
      id: 'MANTIS-PF298',
      token: CHANNEL_TOKEN,
      name: 'Shop front',
      phone: '15550001111',
      mode: 'trial',
      status: 'active',
      stopped: false,
      blocked: false,
      createdAt: new Date(1712598267389),
      activeTill: new Date(1713116667389),
      trialTill: new Date(1713030267389),
      projectId: 'AbCdEfGhIjKlMnOpQrSt',
      apiUrl: 'https://gate.whapi.cloud',
      server: 6,
    });
  });

  it('gives the same dates when WHAPI sends seconds, as the spec examples do', () => {
    const ms = wireChannel.parse(wireChannelSample({ creationTS: 1640995200000, activeTill: 1641081600000 }));
    const s = wireChannel.parse(wireChannelSample({ creationTS: 1640995200, activeTill: 1641081600 }));
    expect(s.createdAt).toEqual(ms.createdAt);
    expect(s.activeTill).toEqual(ms.activeTill);
    expect(s.activeTill?.toISOString()).toBe('2022-01-02T00:00:00.000Z');
  });

  it('reads an empty mode as live (spec) and an unknown one as unknown', () => {
    expect(wireChannel.parse(wireChannelSample({ mode: '' })).mode).toBe('live');
    expect(wireChannel.parse(wireChannelSample({ mode: undefined })).mode).toBe('live');
    expect(wireChannel.parse(wireChannelSample({ mode: 'dev_archive' })).mode).toBe('dev_archive');
    expect(wireChannel.parse(wireChannelSample({ mode: 'platinum' })).mode).toBe('unknown');
  });

  it('keeps only digits of a phone and null when absent', () => {
    expect(wireChannel.parse(wireChannelSample({ phone: '+1 555-000-1111' })).phone).toBe('15550001111');
    expect(wireChannel.parse(wireChannelSample({ phone: null })).phone).toBeNull();
    expect(toDigits('15550002222@s.whatsapp.net')).toBe('15550002222');
  });

  it('rejects a channel without token or id', () => {
    expect(wireChannel.safeParse(wireChannelSample({ token: undefined })).success).toBe(false);
    expect(wireChannel.safeParse(wireChannelSample({ id: '' })).success).toBe(false);
  });
});

describe('gate shapes', () => {
  it('maps health with a linked user and seconds', () => {
    const health = wireHealth.parse({
      start_at: 1700000000,
      uptime: 78,
      status: { code: 4, text: 'AUTH' },
      version: '1.8.7',
      channel_id: 'MANTIS-PF298',
      user: { id: '15550002222', name: 'Bob' },
    });
    expect(health).toEqual({
      status: 'AUTH',
      statusCode: 4,
      statusText: 'AUTH',
      startedAt: new Date(1700000000 * 1000),
      uptimeSeconds: 78,
      version: '1.8.7',
      channelId: 'MANTIS-PF298',
      user: { phone: '15550002222', name: 'Bob' },
    });
  });

  it('keeps an unknown channel status as UNKNOWN with its text', () => {
    const health = wireHealth.parse({ start_at: 1, uptime: 1, status: { code: 9, text: 'MIGRATING' } });
    expect(health.status).toBe('UNKNOWN');
    expect(health.statusText).toBe('MIGRATING');
    expect(wireHealth.parse({ start_at: 1, uptime: 1, status: 'STOP' }).status).toBe('STOP');
  });

  it('makes a data URL from base64 with or without a prefix and defaults expiry to 60 s', () => {
    expect(wireQr.parse({ status: 'OK', base64: 'iVBORw0K', expire: 20 })).toEqual({
      qrDataUrl: 'data:image/png;base64,iVBORw0K',
      qrText: null,
      expiresInSeconds: 20,
      status: 'OK',
    });
    expect(wireQr.parse({ status: 'OK', base64: 'data:image/png;base64,iVBORw0K' }).qrDataUrl).toBe('data:image/png;base64,iVBORw0K');
    expect(wireQr.parse({ status: 'OK', base64: 'x' }).expiresInSeconds).toBe(60);
    expect(wireQr.parse({ status: 'WAITING' })).toMatchObject({ qrDataUrl: null, status: 'WAITING' });
  });

  it('reads an expiry that looks like an epoch as seconds from now', () => {
    const inThirty = Math.floor(Date.now() / 1000) + 30;
    const qr = wireQr.parse({ status: 'OK', base64: 'x', expire: inThirty });
    expect(qr.expiresInSeconds).toBeGreaterThanOrEqual(29);
    expect(qr.expiresInSeconds).toBeLessThanOrEqual(31);
  });

  it('maps a media message with its caption and a seconds timestamp', () => {
    const message = wireMessage.parse({
      id: 'p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw',
      type: 'image',
      chat_id: '15550001111@s.whatsapp.net',
      from: '15550001111',
      from_me: false,
      from_name: 'Ann',
      source: 'mobile',
      timestamp: 1712995245,
      image: { id: 'jpeg-4f8a9c2e-1d3b', mime_type: 'image/jpeg', file_size: 1234, caption: 'look' },
    });
    expect(message).toMatchObject({
      id: 'p.w30M7fgwWD4XwHu.g4CA-gBgTwl0rVw',
      chatId: '15550001111@s.whatsapp.net',
      from: '15550001111',
      fromMe: false,
      timestamp: new Date(1712995245 * 1000),
      text: 'look',
      media: { id: 'jpeg-4f8a9c2e-1d3b', mimeType: 'image/jpeg', fileSize: 1234, fileName: null, link: null },
      status: null,
    });
  });

  it('reads statuses with string timestamps, wrapped or bare', () => {
    const wrapped = wireStatuses.parse({ statuses: [{ id: 'm1', code: 4, status: 'read', timestamp: '1700000050', recipient_id: '15550001111@s.whatsapp.net' }] });
    expect(wrapped).toEqual([
      { messageId: 'm1', status: 'read', code: 4, recipientId: '15550001111@s.whatsapp.net', viewerId: null, timestamp: new Date(1700000050 * 1000) },
    ]);
    expect(wireStatuses.parse([{ id: 'm1', status: 'Delivered' }])[0]?.status).toBe('delivered');
    expect(wireStatuses.parse([{ id: 'm1', status: 'exploded' }])[0]?.status).toBe('unknown');
  });
});
