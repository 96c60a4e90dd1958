import { beforeAll, describe, expect, it } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp, uniqueEmail } from '../support/test-app';

const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let alice: Awaited<ReturnType<typeof signUpUser>>;
let bob: Awaited<ReturnType<typeof signUpUser>>;
let x: string;
let y: string;
const aliceTag = `alice${Date.now().toString(36)}`;

// Rows in January 2021, far from anything the app writes now, so every query can scope itself to them.
const JANUARY = 'from=2021-01-01T00:00:00.000Z&to=2021-01-31T23:59:59.000Z';

beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  alice = await signUpUser(app, { name: 'Alice Auditor', email: uniqueEmail(aliceTag) });
  bob = await signUpUser(app, { name: 'Bob Builder' });
  x = (await signUpUser(app)).id;
  y = (await signUpUser(app)).id;
  const rows: [string, string | null, string, string, string | null][] = [
    ['2021-01-01T10:00:00Z', alice.id, 'user.ban', x, 'spam'],
    ['2021-01-02T10:00:00Z', alice.id, 'user.unban', x, null],
    ['2021-01-03T10:00:00Z', bob.id, 'user.role_change', y, null],
    ['2021-01-04T10:00:00Z', bob.id, 'user.ban', y, 'fraud'],
    ['2021-01-05T10:00:00Z', null, 'auth.sign_in_failed', x, 'invalid credentials'],
  ];
  for (const [at, actor, action, target, reason] of rows) {
    await pool.query(
      `INSERT INTO audit_log (created_at, actor_id, action, target_type, target_id, target_label, reason, meta, ip)
       VALUES ($1, $2, $3, 'user', $4, $4, $5, '{"seed":true}', '198.51.100.1')`,
      [at, actor, action, target, reason],
    );
  }
});

async function audit(query: string) {
  const response = await admin.client.get(`/api/admin/audit?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { action: string; createdAt: string; targetId: string }[]; total: number };
}
const days = (page: { items: { createdAt: string }[] }) => page.items.map((item) => item.createdAt.slice(0, 10));

describe('the audit log is append-only in the database itself (QUALITY L5)', () => {
  const snapshot = async () => (await pool.query(`SELECT * FROM audit_log ORDER BY id`)).rows;

  it.each([
    ['UPDATE', `UPDATE audit_log SET reason = 'rewritten'`],
    ['DELETE', `DELETE FROM audit_log`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])('refuses %s and leaves every row as it was', async (_name, statement) => {
    const before = await snapshot();
    expect(before.length).toBeGreaterThanOrEqual(5);
    await expect(pool.query(statement)).rejects.toThrow(/append-only/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses changing a single row by id too', async () => {
    const before = await snapshot();
    const [first] = before;
    await expect(pool.query(`UPDATE audit_log SET actor_id = NULL WHERE id = $1`, [first.id])).rejects.toThrow();
    await expect(pool.query(`DELETE FROM audit_log WHERE id = $1`, [first.id])).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET /api/admin/audit', () => {
  it('lists entries newest first with the actor, target, reason, meta and IP', async () => {
    const page = await audit(JANUARY);
    expect(days(page)).toEqual(['2021-01-05', '2021-01-04', '2021-01-03', '2021-01-02', '2021-01-01']);
    expect(page.items[4]).toMatchObject({
      actor: { id: alice.id, name: 'Alice Auditor', email: alice.email },
      action: 'user.ban',
      targetType: 'user',
      targetId: x,
      reason: 'spam',
      meta: { seed: true },
      ip: '198.51.100.1',
    });
    expect(page.items[0]).toMatchObject({ actor: null, action: 'auth.sign_in_failed' });
  });

  it('filters by action', async () => {
    const page = await audit(`${JANUARY}&action=user.ban`);
    expect(page.items.map((item) => [item.action, item.targetId])).toEqual([
      ['user.ban', y],
      ['user.ban', x],
    ]);
    expect(page.total).toBe(2);
  });

  it('filters by a case-insensitive part of the actor email', async () => {
    const page = await audit(`${JANUARY}&actor=${aliceTag.toUpperCase()}`);
    expect(days(page)).toEqual(['2021-01-02', '2021-01-01']);
    expect(page.total).toBe(2);
  });

  it('treats LIKE wildcards in the actor filter as plain text', async () => {
    const page = await audit(`${JANUARY}&actor=${encodeURIComponent('%')}`);
    expect(page.items).toEqual([]);
  });

  it('filters by target type and id', async () => {
    const page = await audit(`targetType=user&targetId=${x}`);
    expect(days(page)).toEqual(['2021-01-05', '2021-01-02', '2021-01-01']);
    expect((await audit(`targetType=channel&targetId=${x}`)).total).toBe(0);
  });

  it('filters by a date range, both ends included', async () => {
    const page = await audit('from=2021-01-02T10:00:00.000Z&to=2021-01-04T10:00:00.000Z');
    expect(days(page)).toEqual(['2021-01-04', '2021-01-03', '2021-01-02']);
  });

  it('pages through the results with the total of all matches', async () => {
    const first = await audit(`${JANUARY}&page=1&pageSize=2`);
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(days(first)).toEqual(['2021-01-05', '2021-01-04']);
    expect(days(await audit(`${JANUARY}&page=3&pageSize=2`))).toEqual(['2021-01-01']);
    const beyond = await audit(`${JANUARY}&page=4&pageSize=2`);
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('shows a ban made through the API at the top, with the admin as actor', async () => {
    const { id } = await signUpUser(app);
    await admin.client.post(`/api/admin/users/${id}/ban`, { reason: 'live ban' });
    const page = await audit('page=1&pageSize=1');
    expect(page.items[0]).toMatchObject({ action: 'user.ban', targetId: id, reason: 'live ban', actor: { id: admin.id } });
  });

  it.each([
    ['pageSize=1000', 'pageSize'],
    ['page=0', 'page'],
    ['action=nope', 'action'],
    ['from=yesterday', 'from'],
  ])('refuses %s with 400 and a field error', async (query, field) => {
    const response = await admin.client.get(`/api/admin/audit?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.fields[field]).toEqual(expect.any(String));
  });

  it('refuses a plain user with 403', async () => {
    const response = await bob.client.get('/api/admin/audit');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
  });
});
