import type { Campaign, CampaignCounts, MessageStatus } from '../../../contracts/messaging';

/** The statuses a progress bar shows, from the furthest along; each count is exclusive (a read message is not also "delivered"). */
export const PROGRESS_STATUSES = ['read', 'delivered', 'sent', 'failed'] as const satisfies readonly MessageStatus[];
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface ProgressPart {
  status: ProgressStatus;
  count: number;
  /** Share of the campaign's recipients, 0–100. */
  percent: number;
}

export interface CampaignProgress {
  parts: ProgressPart[];
  /** Messages WhatsApp has taken or refused: the "x" of "x / total". */
  done: number;
  total: number;
  /** Still waiting their turn (queued or being handed over). */
  waiting: number;
}

/**
 * Where a campaign stands. Cancelled messages are not "done": a campaign cancelled halfway must not read 100 / 100.
 */
export function campaignProgress({ total, counts }: Pick<Campaign, 'total' | 'counts'>): CampaignProgress {
  const parts = PROGRESS_STATUSES.map((status) => ({
    status,
    count: counts[status],
    percent: total > 0 ? (counts[status] * 100) / total : 0,
  }));
  return { parts, done: sumOf(counts, PROGRESS_STATUSES), total, waiting: sumOf(counts, ['queued', 'sending']) };
}

function sumOf(counts: CampaignCounts, statuses: readonly MessageStatus[]): number {
  return statuses.reduce((sum, status) => sum + counts[status], 0);
}
