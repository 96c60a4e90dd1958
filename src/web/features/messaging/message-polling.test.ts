import { describe, expect, it } from 'vitest';
import { hasRunningCampaigns, hasSettlingMessages, isMessageSettling, SENT_WATCH_MS } from './message-polling';

const now = Date.parse('2026-05-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const message = (status: Parameters<typeof isMessageSettling>[0]['status'], sentAt: string | null = null) => ({ status, sentAt, createdAt: ago(60 * 60_000) });

describe('which messages a screen keeps watching', () => {
  it('watches queued and sending messages whatever their age', () => {
    expect(isMessageSettling(message('queued'), now)).toBe(true);
    expect(isMessageSettling(message('sending'), now)).toBe(true);
  });

  it('watches a sent message for its delivery only for a while after it was sent', () => {
    expect(isMessageSettling(message('sent', ago(30_000)), now)).toBe(true);
    expect(isMessageSettling(message('sent', ago(SENT_WATCH_MS + 1)), now)).toBe(false);
  });

  it('stops watching messages that reached the end of their road', () => {
    for (const status of ['delivered', 'read', 'failed', 'cancelled'] as const) expect(isMessageSettling(message(status, ago(1_000)), now)).toBe(false);
  });

  it('polls a list while any message in it is settling, and not an empty or missing one', () => {
    expect(hasSettlingMessages([message('read', ago(1)), message('queued')], now)).toBe(true);
    expect(hasSettlingMessages([message('read', ago(1))], now)).toBe(false);
    expect(hasSettlingMessages(undefined, now)).toBe(false);
  });

  it('polls campaigns only while one is running', () => {
    expect(hasRunningCampaigns([{ status: 'completed' }, { status: 'running' }])).toBe(true);
    expect(hasRunningCampaigns([{ status: 'paused' }, { status: 'cancelled' }])).toBe(false);
  });
});
