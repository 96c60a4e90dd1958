import { LEDGER_TYPES, type LedgerFilters, type LedgerQuery, type LedgerType } from '../../../contracts/balances';

/**
 * Billing & Balances keeps its places in the URL, so reload and the back button keep them: the notices page
 * (`page`), the ledger's filters and page (`tx*`) and the users overview's search and page (`users*`).
 */
export interface BalancesSearch {
  page?: number;
  txPage?: number;
  txType?: LedgerType;
  txUser?: string;
  /** Calendar days (YYYY-MM-DD) in the viewer's time zone; the API wants instants. */
  txFrom?: string;
  txTo?: string;
  usersPage?: number;
  usersSearch?: string;
}

export type LedgerSearch = Pick<BalancesSearch, 'txType' | 'txUser' | 'txFrom' | 'txTo'>;

export const LEDGER_PAGE_SIZE = 20;
export const USERS_PAGE_SIZE = 10;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pageNumber(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const trimmed = String(value).trim().slice(0, max);
  return trimmed === '' ? undefined : trimmed;
}

function day(value: unknown): string | undefined {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

export function parseBalancesSearch(search: Record<string, unknown>): BalancesSearch {
  return {
    page: pageNumber(search.page),
    txPage: pageNumber(search.txPage),
    txType: LEDGER_TYPES.find((known) => known === search.txType),
    txUser: text(search.txUser, 254),
    txFrom: day(search.txFrom),
    txTo: day(search.txTo),
    usersPage: pageNumber(search.usersPage),
    usersSearch: text(search.usersSearch, 254),
  };
}

/** The ledger filters for the API (list and CSV alike): whole local days become the instants that bound them. */
export function toLedgerFilters(search: LedgerSearch): LedgerFilters {
  return {
    type: search.txType,
    user: search.txUser,
    from: search.txFrom ? new Date(`${search.txFrom}T00:00:00`).toISOString() : undefined,
    to: search.txTo ? new Date(`${search.txTo}T23:59:59.999`).toISOString() : undefined,
  };
}

export function toLedgerQuery(search: BalancesSearch): LedgerQuery {
  return { ...toLedgerFilters(search), page: search.txPage ?? 1, pageSize: LEDGER_PAGE_SIZE };
}
