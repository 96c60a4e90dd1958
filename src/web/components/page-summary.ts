const count = new Intl.NumberFormat();

export interface PageInfo {
  total: number;
  page: number;
  pageSize: number;
}

/** How many pages a list has; an empty list still has one. */
export function pageCount({ total, pageSize }: PageInfo): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** "Showing 21–40 of 45 leads" ('range') or "45 leads" ('count'). */
export function pageSummary(data: PageInfo, noun: { one: string; many: string }, summary: 'range' | 'count' = 'range'): string {
  const rows = `${count.format(data.total)} ${data.total === 1 ? noun.one : noun.many}`;
  if (summary === 'count') return rows;
  const first = data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = Math.min(data.total, data.page * data.pageSize);
  return `Showing ${count.format(first)}–${count.format(last)} of ${rows}`;
}
