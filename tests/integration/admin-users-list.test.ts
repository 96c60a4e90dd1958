import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AdminUserRow } from '../../src/contracts/admin-users';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';
import { insertChannel, insertPlan, subscribe } from './admin-users-fixtures';

// Admin → Users list (spec 004 §3): columns, search, filters, sorting and server-side pagination.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const admin = await signUpAdmin(testApp);

/** A fresh word shared by the names of one test's users, so each test can search its own users only. */
const newTag = () => `t${randomUUID().slice(0, 8)}`;

async function list(query: Record<string, string | number>) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const response = await admin.client.get(`/api/admin/users?${search}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: AdminUserRow[]; total: number; page: number; pageSize: number };
}

/** Four users, one per status, plus channels, as the list must show them. */
async function fourUsers(tag: string) {
  const planId = await insertPlan(pool, { name: `Gold ${tag}`, requestType: 'paid', limits: { channels: 3 } });
  const active = await signUpUser(app, { name: `Alice ${tag}` });
  const expired = await signUpUser(app, { name: `Bob ${tag}` });
  const banned = await signUpUser(app, { name: `Cara ${tag}` });
  const noPlan = await signUpUser(app, { name: `Dan ${tag}` });
  await subscribe(pool, active.id, { planId, endsInDays: 12.5, overrides: { requestType: 'book_demo', limits: { channels: 5 } } });
  await subscribe(pool, expired.id, { planId, endsInDays: -2 });
  await subscribe(pool, banned.id, { planId, endsInDays: 30 });
  await insertChannel(pool, active.id, { authStatus: 'authorized' });
  await insertChannel(pool, active.id, { authStatus: 'pending', status: 'pending' });
  await insertChannel(pool, active.id, { deleted: true });
  expect((await admin.client.post(`/api/admin/users/${banned.id}/ban`, { reason: 'Chargeback' })).statusCode).toBe(200);
  return { planId, active, expired, banned, noPlan };
}

describe('GET /api/admin/users', () => {
  it('shows plan and request type, channels used / allowed, days remaining and the status of each user', async () => {
    const tag = newTag();
    const { planId, active, expired, banned, noPlan } = await fourUsers(tag);
    const { items, total } = await list({ q: tag, sort: 'name', order: 'asc' });
    expect(total).toBe(4);
    const [a, b, c, d] = items;
    expect(a).toMatchObject({
      id: active.id,
      email: active.email,
      role: 'user',
      status: 'active',
      userStatus: 'active',
      plan: { id: planId, name: `Gold ${tag}`, requestType: 'paid', effectiveRequestType: 'book_demo' },
      channelsUsed: 2,
      channelsAllowed: 5,
      daysRemaining: 13,
    });
    expect(b).toMatchObject({ id: expired.id, userStatus: 'expired', daysRemaining: 0, channelsAllowed: 3, channelsUsed: 0 });
    expect(c).toMatchObject({ id: banned.id, userStatus: 'banned', status: 'banned', banReason: 'Chargeback', daysRemaining: 30 });
    expect(d).toMatchObject({ id: noPlan.id, userStatus: 'no_plan', plan: null, channelsAllowed: 0, daysRemaining: 0, serviceEndsAt: null });
  });

  it('agrees with what the guards compute for each user (/api/me)', async () => {
    const tag = newTag();
    const { active, expired, noPlan } = await fourUsers(tag);
    const { items } = await list({ q: tag });
    for (const person of [active, expired, noPlan]) {
      const row = items.find((item) => item.id === person.id)!;
      const me = (await person.client.get('/api/me')).json();
      expect(row.daysRemaining).toBe(me.subscription?.daysRemaining ?? 0);
      expect(row.channelsAllowed).toBe(me.limits.channels);
      expect(row.userStatus).toBe({ active: 'active', expired: 'expired', none: 'no_plan' }[(me.subscription?.state ?? 'none') as string]);
    }
  });

  it('searches names and emails case-insensitively, taking % and _ literally', async () => {
    const tag = newTag();
    const { active } = await fourUsers(tag);
    expect((await list({ q: `ALICE ${tag.toUpperCase()}` })).items.map((u) => u.id)).toEqual([active.id]);
    expect((await list({ q: active.email.toUpperCase() })).items.map((u) => u.id)).toEqual([active.id]);
    expect((await list({ q: `${tag}%` })).total).toBe(0);
    expect((await list({ q: `Alic_ ${tag}` })).total).toBe(0);
  });

  it('filters by status and by plan', async () => {
    const tag = newTag();
    const { planId, active, expired, banned, noPlan } = await fourUsers(tag);
    for (const [status, person] of [
      ['active', active],
      ['expired', expired],
      ['banned', banned],
      ['no_plan', noPlan],
    ] as const) {
      expect((await list({ q: tag, status })).items.map((u) => u.id), status).toEqual([person.id]);
    }
    const onPlan = await list({ planId, sort: 'name', order: 'asc' });
    expect(onPlan.items.map((u) => u.id)).toEqual([active.id, expired.id, banned.id]);
  });

  it('sorts by name, channels and days remaining in both directions', async () => {
    const tag = newTag();
    const { active, expired, banned, noPlan } = await fourUsers(tag);
    const ids = async (sort: string, order: string) => (await list({ q: tag, sort, order })).items.map((u) => u.id);
    expect(await ids('name', 'asc')).toEqual([active.id, expired.id, banned.id, noPlan.id]);
    expect(await ids('name', 'desc')).toEqual([noPlan.id, banned.id, expired.id, active.id]);
    expect((await ids('channels', 'desc'))[0]).toBe(active.id);
    expect((await ids('daysRemaining', 'desc')).slice(0, 2)).toEqual([banned.id, active.id]);
    expect((await ids('daysRemaining', 'asc')).slice(2)).toEqual([active.id, banned.id]);
  });

  it('pages on the server without overlaps or gaps', async () => {
    const tag = newTag();
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await signUpUser(app, { name: `Page ${tag} ${i}` })).id);
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const result = await list({ q: tag, pageSize: 3, page, sort: 'name', order: 'asc' });
      expect(result).toMatchObject({ total: 7, page, pageSize: 3 });
      seen.push(...result.items.map((u) => u.id));
    }
    expect(seen).toEqual(made);
    expect((await list({ q: tag, pageSize: 3, page: 4 })).items).toEqual([]);
  });

  it('refuses an unknown status or sort with field errors', async () => {
    const response = await admin.client.get('/api/admin/users?status=deleted&sort=password');
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields ?? {}).sort()).toEqual(['sort', 'status']);
  });
});
