import { describe, expect, it } from 'vitest';
import { adminChannelQuery } from '../../../contracts/channels';
import { ADMIN_CHANNELS_PAGE_SIZE, parseAdminChannelsSearch, toAdminChannelQuery } from './admin-channels-search';

describe('Admin → Channels search in the URL', () => {
  it('keeps the known filters and drops unknown statuses, blank text and page 1', () => {
    expect(
      parseAdminChannelsSearch({ page: '3', q: '  MANTIS-PF298 ', status: 'disconnected', billing: 'pending', userId: 'u1' }),
    ).toEqual({ page: 3, q: 'MANTIS-PF298', status: 'disconnected', billing: 'pending', userId: 'u1' });
    expect(parseAdminChannelsSearch({ page: '1', q: '   ', status: 'paused', billing: 'active ', extra: 'x' })).toEqual({
      page: undefined,
      q: undefined,
      status: undefined,
      billing: undefined,
      userId: undefined,
    });
    expect(parseAdminChannelsSearch({ page: '2.5' }).page).toBeUndefined();
  });

  it('turns the URL into a query the server accepts, searching name, phone, user and channel id with one text', () => {
    const query = toAdminChannelQuery({ page: 2, q: '+9733612', status: 'active', userId: 'u1' });
    expect(query).toEqual({ page: 2, pageSize: ADMIN_CHANNELS_PAGE_SIZE, search: '+9733612', status: 'active', billing: undefined, userId: 'u1' });
    expect(adminChannelQuery.safeParse(query).success).toBe(true);
    expect(toAdminChannelQuery({})).toMatchObject({ page: 1, pageSize: ADMIN_CHANNELS_PAGE_SIZE });
  });

  it('caps pasted text so a huge URL cannot reach the server', () => {
    expect(parseAdminChannelsSearch({ q: 'x'.repeat(500) }).q).toHaveLength(200);
    expect(adminChannelQuery.safeParse(toAdminChannelQuery(parseAdminChannelsSearch({ q: 'x'.repeat(500) }))).success).toBe(true);
  });
});
