import type { LeadQuery } from '../../../contracts/leads';
import { LEAD_KINDS, LEAD_STATUSES, type LeadKind, type LeadStatus } from '../../../domain/leads';

/** Admin → Leads filters as they live in the URL; `id` is where a notification points (one lead). */
export interface LeadsSearch {
  page?: number;
  status?: LeadStatus;
  kind?: LeadKind;
  q?: string;
  id?: string;
}

export const LEADS_PAGE_SIZE = 25;

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

export function parseLeadsSearch(search: Record<string, unknown>): LeadsSearch {
  const page = Number(search.page);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    status: LEAD_STATUSES.find((known) => known === search.status),
    kind: LEAD_KINDS.find((known) => known === search.kind),
    q: text(search.q, 200),
    id: text(search.id, 64),
  };
}

/** The API query for a URL search: a lead id (from a notification) is searched exactly by the server. */
export function toLeadQuery(search: LeadsSearch): LeadQuery {
  return {
    page: search.page ?? 1,
    pageSize: LEADS_PAGE_SIZE,
    status: search.status,
    kind: search.kind,
    q: search.id ?? search.q,
  };
}
