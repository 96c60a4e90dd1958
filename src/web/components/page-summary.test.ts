import { describe, expect, it } from 'vitest';
import { pageCount, pageSummary } from './page-summary';

const leads = { one: 'lead', many: 'leads' };

describe('pageSummary', () => {
  it('names the rows shown on a middle page and the total', () => {
    expect(pageSummary({ total: 45, page: 2, pageSize: 20 }, leads)).toBe('Showing 21–40 of 45 leads');
  });

  it('stops the range at the total on the last page', () => {
    expect(pageSummary({ total: 45, page: 3, pageSize: 20 }, leads)).toBe('Showing 41–45 of 45 leads');
  });

  it('uses the singular for one row', () => {
    expect(pageSummary({ total: 1, page: 1, pageSize: 20 }, leads)).toBe('Showing 1–1 of 1 lead');
  });

  it('groups thousands and can give the count alone', () => {
    expect(pageSummary({ total: 12345, page: 1, pageSize: 50 }, { one: 'notice', many: 'notices' }, 'count')).toBe(
      `${new Intl.NumberFormat().format(12345)} notices`,
    );
  });
});

describe('pageCount', () => {
  it('rounds up and never drops below one page', () => {
    expect(pageCount({ total: 41, page: 1, pageSize: 20 })).toBe(3);
    expect(pageCount({ total: 40, page: 1, pageSize: 20 })).toBe(2);
    expect(pageCount({ total: 0, page: 1, pageSize: 20 })).toBe(1);
  });
});
