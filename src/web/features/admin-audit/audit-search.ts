import { AUDIT_ACTIONS, type AuditAction, type AuditQuery } from '../../../contracts/audit';

/** The audit filters as they live in the URL, so a filtered view can be bookmarked and shared. */
export interface AuditSearch {
  page?: number;
  actor?: string;
  action?: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Calendar days (YYYY-MM-DD) in the viewer's time zone; the API wants instants. */
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 25;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

function day(value: unknown): string | undefined {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

export function parseAuditSearch(search: Record<string, unknown>): AuditSearch {
  const page = Number(search.page);
  const action = AUDIT_ACTIONS.find((known) => known === search.action);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    actor: text(search.actor, 254),
    action,
    targetType: text(search.targetType, 40),
    targetId: text(search.targetId, 64),
    from: day(search.from),
    to: day(search.to),
  };
}

/** The API query for a URL search: whole local days become the instants that bound them. */
export function toAuditQuery(search: AuditSearch): AuditQuery {
  return {
    page: search.page ?? 1,
    pageSize: AUDIT_PAGE_SIZE,
    actor: search.actor,
    action: search.action,
    targetType: search.targetType,
    targetId: search.targetId,
    from: search.from ? new Date(`${search.from}T00:00:00`).toISOString() : undefined,
    to: search.to ? new Date(`${search.to}T23:59:59.999`).toISOString() : undefined,
  };
}
