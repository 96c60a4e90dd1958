import { describe, expect, it } from 'vitest';
import type { CampaignCounts } from '../../../contracts/messaging';
import { campaignProgress } from './campaign-progress';

const none: CampaignCounts = { queued: 0, sending: 0, sent: 0, delivered: 0, read: 0, failed: 0, cancelled: 0 };

describe('campaignProgress', () => {
  it('counts what WhatsApp took or refused as done, and splits the bar by each message’s current status', () => {
    const progress = campaignProgress({ total: 10, counts: { ...none, queued: 3, sending: 1, sent: 2, delivered: 1, read: 2, failed: 1 } });
    expect(progress.done).toBe(6);
    expect(progress.waiting).toBe(4);
    expect(progress.parts).toEqual([
      { status: 'read', count: 2, percent: 20 },
      { status: 'delivered', count: 1, percent: 10 },
      { status: 'sent', count: 2, percent: 20 },
      { status: 'failed', count: 1, percent: 10 },
    ]);
  });

  it('does not count cancelled messages as done, so a campaign cancelled halfway reads half', () => {
    const progress = campaignProgress({ total: 4, counts: { ...none, delivered: 2, cancelled: 2 } });
    expect(progress.done).toBe(2);
    expect(progress.parts.reduce((sum, part) => sum + part.percent, 0)).toBe(50);
  });

  it('shows an empty bar rather than NaN for a campaign without recipients', () => {
    expect(campaignProgress({ total: 0, counts: none }).parts.every((part) => part.percent === 0)).toBe(true);
  });
});
