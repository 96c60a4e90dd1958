import { MESSAGE_STATUSES, type MessageStatus, type OutboxQuery } from '../../../contracts/messaging';

/** Outbox filters as they live in the URL, so reload and the back button keep the place. */
export interface OutboxSearch {
  page?: number;
  status?: MessageStatus;
  /** Part of the recipient's number. */
  q?: string;
  /** One campaign's messages (linked from a campaign on the Bulk page). */
  campaignId?: string;
}

export const OUTBOX_PAGE_SIZE = 25;

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

export function parseOutboxSearch(search: Record<string, unknown>): OutboxSearch {
  const page = Number(search.page);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    status: MESSAGE_STATUSES.find((known) => known === search.status),
    // outboxQuery caps the number search at 40 characters.
    q: text(search.q, 40),
    campaignId: text(search.campaignId, 64),
  };
}

export function toOutboxQuery(search: OutboxSearch): OutboxQuery {
  return {
    page: search.page ?? 1,
    pageSize: OUTBOX_PAGE_SIZE,
    status: search.status,
    search: search.q,
    campaignId: search.campaignId,
  };
}
