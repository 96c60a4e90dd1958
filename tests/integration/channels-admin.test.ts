import { beforeAll, describe, expect, it } from 'vitest';
import { startChannelHarness } from './channels-harness';

// Admin → Channels: search over name, phone, owner and WHAPI channel id; filters by status and owner; pages
// computed on the server; counts per display status.
const h = await startChannelHarness();
const { pool } = h;
const list = async (query: string) => {
  const response = await h.admin.client.get(`/api/admin/channels?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const names = (page: { items: { name: string }[] }) => page.items.map((c) => c.name).sort();

let alice: Awaited<ReturnType<typeof h.userWithPlan>>;
let bob: Awaited<ReturnType<typeof h.userWithPlan>>;
const refs: Record<string, string> = {};

beforeAll(async () => {
  alice = await h.userWithPlan({ channels: -1, name: 'Alice Tracker' });
  bob = await h.userWithPlan({ channels: -1, name: 'Bob Builder' });
  for (const [owner, name, phone] of [
    [alice, 'Alice Sales', '+97336111111'],
    [alice, 'Alice Support', '+97336222222'],
    [alice, 'Alice Billing', '+97336333333'],
    [bob, 'Bob Main', '+97336444444'],
    [bob, 'Bob Spare', '+447911123456'],
  ] as const) {
    refs[name] = (await h.createChannel(owner.id, name, phone)).channelRef;
  }
  const ids = Object.fromEntries((await pool.query(`SELECT name, id FROM channels`)).rows.map((r) => [r.name, r.id]));
  await h.topUp(20);
  expect((await h.extend(ids['Alice Sales'], 10)).statusCode).toBe(200);
  expect((await h.extend(ids['Bob Main'], 10)).statusCode).toBe(200);
  await pool.query(`UPDATE channels SET auth_status = 'authorized' WHERE id = $1`, [ids['Alice Sales']]);
  await pool.query(`UPDATE channels SET auth_status = 'disconnected' WHERE id = $1`, [ids['Alice Support']]);
  await pool.query(`UPDATE channels SET expires_at = now() - interval '1 hour', status = 'expired' WHERE id = $1`, [ids['Bob Main']]);
});

describe('Admin → Channels list', () => {
  it('searches name, phone (with or without formatting), owner name and email, and the WHAPI channel id', async () => {
    expect(names(await list('search=support'))).toEqual(['Alice Support']);
    expect(names(await list('search=%2B447911'))).toEqual(['Bob Spare']);
    expect(names(await list(`search=${encodeURIComponent('+973 3633 3333')}`))).toEqual(['Alice Billing']);
    expect(names(await list('search=builder'))).toEqual(['Bob Main', 'Bob Spare']);
    expect(names(await list(`search=${encodeURIComponent(alice.email)}`))).toEqual(['Alice Billing', 'Alice Sales', 'Alice Support']);
    expect(names(await list(`search=${refs['Bob Spare']}`))).toEqual(['Bob Spare']);
    expect((await list('search=%25')).total).toBe(0);
  });

  it('filters by display status, billing status and owner, with counts per status', async () => {
    const all = await list('');
    expect(all.counts).toEqual({ total: 5, active: 1, unauthorized: 2, disconnected: 1, suspended: 1, pending: 3 });
    expect(names(await list('status=active'))).toEqual(['Alice Sales']);
    expect(names(await list('status=disconnected'))).toEqual(['Alice Support']);
    expect(names(await list('status=suspended'))).toEqual(['Bob Main']);
    expect(names(await list('status=unauthorized'))).toEqual(['Alice Billing', 'Bob Spare']);
    expect(names(await list('billing=pending'))).toEqual(['Alice Billing', 'Alice Support', 'Bob Spare']);
    expect(names(await list('billing=expired'))).toEqual(['Bob Main']);
    expect(names(await list(`userId=${bob.id}`))).toEqual(['Bob Main', 'Bob Spare']);
    // A banned owner suspends every channel of theirs.
    await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [alice.id]);
    expect((await list('')).counts).toMatchObject({ suspended: 4, active: 0 });
    await pool.query(`UPDATE users SET banned = false WHERE id = $1`, [alice.id]);
  });

  it('pages on the server, newest first, with the total of the filter', async () => {
    const first = await list('page=1&pageSize=2');
    const second = await list('page=2&pageSize=2');
    const third = await list('page=3&pageSize=2');
    expect([first.total, first.items.length, second.items.length, third.items.length]).toEqual([5, 2, 2, 1]);
    const seen = [...first.items, ...second.items, ...third.items].map((c: { name: string }) => c.name);
    expect(new Set(seen).size).toBe(5);
    expect(seen[0]).toBe('Bob Spare');
    expect(first.items[0]).toMatchObject({ user: { id: bob.id, email: bob.email, banned: false }, tokenLast4: expect.stringMatching(/^\w{4}$/), periodDays: 30 });
    expect((await h.admin.client.get('/api/admin/channels?pageSize=101')).statusCode).toBe(400);
  });
});

describe('Admin → Channels "Copy token"', () => {
  it('gives an admin the whole channel token on request, audits it, and nobody else gets it', async () => {
    const [row] = (await pool.query(`SELECT id, token_sealed FROM channels WHERE name = 'Bob Spare'`)).rows;
    const listed = (await list('search=spare')).items[0];
    const revealed = await h.admin.client.post(`/api/admin/channels/${row.id}/token`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    const { channelToken } = revealed.json();
    expect(channelToken.endsWith(listed.tokenLast4)).toBe(true);
    expect(row.token_sealed).not.toContain(channelToken);
    const audit = await pool.query(`SELECT actor_id FROM audit_log WHERE action = 'channel.token_reveal' AND target_id = $1`, [row.id]);
    expect(audit.rows).toHaveLength(1);
    expect((await bob.client.post(`/api/admin/channels/${row.id}/token`)).statusCode).toBe(403);
    expect((await h.admin.client.post('/api/admin/channels/nope/token')).statusCode).toBe(404);
  });
});
