import { describe, expect, it } from 'vitest';
import { outboxQuery } from '../../../contracts/messaging';
import { OUTBOX_PAGE_SIZE, parseOutboxSearch, toOutboxQuery } from './outbox-search';

describe('Outbox search in the URL', () => {
  it('keeps the known filters and drops unknown statuses, blank text and page 1', () => {
    expect(parseOutboxSearch({ page: '2', status: 'failed', q: ' 97336 ', campaignId: 'c1' })).toEqual({
      page: 2,
      status: 'failed',
      q: '97336',
      campaignId: 'c1',
    });
    expect(parseOutboxSearch({ page: '1', status: 'bounced', q: '  ', extra: 'x' })).toEqual({
      page: undefined,
      status: undefined,
      q: undefined,
      campaignId: undefined,
    });
    expect(parseOutboxSearch({ page: '1.5' }).page).toBeUndefined();
  });

  it('turns the URL into a query the server accepts', () => {
    const query = toOutboxQuery({ page: 3, status: 'read', q: '+9733612', campaignId: 'c1' });
    expect(query).toEqual({ page: 3, pageSize: OUTBOX_PAGE_SIZE, status: 'read', search: '+9733612', campaignId: 'c1' });
    expect(outboxQuery.safeParse(query).success).toBe(true);
    expect(toOutboxQuery({})).toMatchObject({ page: 1, pageSize: OUTBOX_PAGE_SIZE });
  });

  it('caps pasted text so the server never refuses the page', () => {
    const query = toOutboxQuery(parseOutboxSearch({ q: '9'.repeat(500), campaignId: 'c'.repeat(500) }));
    expect(query.search).toHaveLength(40);
    expect(outboxQuery.safeParse(query).success).toBe(true);
  });
});
