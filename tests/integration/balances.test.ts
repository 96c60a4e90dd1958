import { beforeAll, describe, expect, it } from 'vitest';
import { BALANCE_MESSAGES, type BalanceSummary, type LedgerRow } from '../../src/contracts/balances';
import { changeMainBalance } from '../../src/server/features/balances/change-main-balance';
import { iterateLedger, listLedger } from '../../src/server/features/balances/list-ledger';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';
import { createPlanAs } from './plan-fixtures';

// DOMAIN.md "Days" (admin main balance and ledger), spec 003: Admin → Billing & Balances.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const db = testApp.database.db;

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let secondAdmin: Awaited<ReturnType<typeof signUpAdmin>>;

beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  secondAdmin = await signUpAdmin(testApp);
});

async function summary(): Promise<BalanceSummary> {
  const response = await admin.client.get('/api/admin/balances/summary');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function balanceDays(): Promise<number> {
  return (await pool.query(`SELECT days FROM main_balance WHERE id = 1`)).rows[0].days;
}

/** Brings the main balance to exactly `days` with one signed sync row, as a test fixture. */
async function setBalance(days: number): Promise<void> {
  const delta = days - (await balanceDays());
  if (delta === 0) return;
  await db.transaction((tx) => changeMainBalance(tx, { type: 'sync', days: delta, actorId: null, note: 'test fixture' }));
}

async function insertNotice(currentDays: number | null, receivedAt = new Date()): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO partner_balance_notices (current_days, days_limit, received_at, raw) VALUES ($1, 7, $2, $3) RETURNING id::text`,
    [currentDays, receivedAt, JSON.stringify({ days: currentDays, days_limit: 7 })],
  );
  return rows[0].id;
}

async function auditRows(action: string) {
  return (await pool.query(`SELECT actor_id, target_type, reason, meta FROM audit_log WHERE action = $1 ORDER BY id`, [action])).rows;
}

async function insertChannel(userId: string, name: string, options: { deleted?: boolean } = {}): Promise<{ id: string; ref: string }> {
  const ref = `CHAN-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const { rows } = await pool.query(
    `INSERT INTO channels (user_id, channel_ref, name, token_sealed, deleted_at) VALUES ($1, $2, $3, 'sealed', $4) RETURNING id`,
    [userId, ref, name, options.deleted ? new Date() : null],
  );
  return { id: rows[0].id, ref };
}

describe('access', () => {
  it('refuses every balances route to a signed-in user with 403 and changes nothing', async () => {
    const user = await signUpUser(app);
    const before = await balanceDays();
    const calls = [
      user.client.get('/api/admin/balances/summary'),
      user.client.post('/api/admin/balances/topup', { days: 5, note: 'not mine' }),
      user.client.post('/api/admin/balances/sync', { noticeId: '1' }),
      user.client.get('/api/admin/balances/transactions'),
      user.client.get('/api/admin/balances/transactions.csv'),
      user.client.get('/api/admin/balances/users'),
    ];
    for (const response of await Promise.all(calls)) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN');
    }
    expect(await balanceDays()).toBe(before);
  });
});

describe('GET /api/admin/balances/summary', () => {
  it('starts at 0 days, consistent with an empty ledger, without a partner notice', async () => {
    const body = await summary();
    expect(body.mainBalance.days).toBe(0);
    expect(body.ledger).toEqual({ sum: 0, consistent: true });
    expect(body.partner).toBeNull();
    expect(body.difference).toBeNull();
  });
});

describe('POST /api/admin/balances/topup', () => {
  it.each([
    [{ note: 'x' }, 'days', 'Enter the number of days.'],
    [{ days: 0, note: 'x' }, 'days', 'Enter at least 1 day.'],
    [{ days: -5, note: 'x' }, 'days', 'Enter at least 1 day.'],
    [{ days: 100_001, note: 'x' }, 'days', 'At most 100,000 days at a time.'],
    [{ days: 1.5, note: 'x' }, 'days', 'Enter whole days.'],
    [{ days: 'many', note: 'x' }, 'days', 'Enter the number of days.'],
    [{ days: 5 }, 'note', 'Add a note.'],
    [{ days: 5, note: '   ' }, 'note', 'Add a note, e.g. the WHAPI invoice it mirrors.'],
    [{ days: 5, note: 'n'.repeat(501) }, 'note', 'At most 500 characters.'],
  ])('refuses %j with a message on %s', async (body, field, message) => {
    const before = await balanceDays();
    const response = await admin.client.post('/api/admin/balances/topup', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { [field]: message } });
    expect(await balanceDays()).toBe(before);
  });

  it('refuses unknown keys instead of ignoring them', async () => {
    const response = await admin.client.post('/api/admin/balances/topup', { days: 5, note: 'x', type: 'sync' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('type');
  });

  it('adds the days, writes one topup row and one audit row with before/after, and returns the new summary', async () => {
    const before = await balanceDays();
    const audits = (await auditRows('balance.topup')).length;
    const response = await admin.client.post('/api/admin/balances/topup', { days: 30, note: '  WHAPI invoice 2026-001  ' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as BalanceSummary;
    expect(body.mainBalance.days).toBe(before + 30);
    expect(body.ledger).toEqual({ sum: before + 30, consistent: true });

    const { rows } = await pool.query(`SELECT type, days, actor_id, note, op_id FROM balance_transactions ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ type: 'topup', days: 30, actor_id: admin.id, note: 'WHAPI invoice 2026-001' });
    const audit = await auditRows('balance.topup');
    expect(audit).toHaveLength(audits + 1);
    expect(audit.at(-1)).toMatchObject({
      actor_id: admin.id,
      target_type: 'main_balance',
      reason: 'WHAPI invoice 2026-001',
      meta: { days: 30, before, after: before + 30, opId: rows[0].op_id },
    });
  });
});

describe('POST /api/admin/balances/sync', () => {
  it('validates the notice id', async () => {
    for (const body of [{}, { noticeId: 'abc' }, { noticeId: 12 }]) {
      const response = await admin.client.post('/api/admin/balances/sync', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.fields.noticeId).toBe('Choose a partner notice.');
    }
  });

  it('answers 404 for a notice that does not exist', async () => {
    const response = await admin.client.post('/api/admin/balances/sync', { noticeId: '999999999' });
    expect(response.statusCode).toBe(404);
  });

  it('raises the balance to the partner figure with one positive sync row and an audit row', async () => {
    await setBalance(30);
    const noticeId = await insertNotice(100);
    const before = await summary();
    expect(before.partner).toMatchObject({ noticeId, currentDays: 100, daysLimit: 7 });
    expect(before.difference).toBe(70);

    const response = await admin.client.post('/api/admin/balances/sync', { noticeId });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ correction: 70, mainBalance: { days: 100 }, ledger: { sum: 100, consistent: true }, difference: 0 });
    const { rows } = await pool.query(`SELECT type, days, actor_id, note FROM balance_transactions ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ type: 'sync', days: 70, actor_id: admin.id });
    expect(rows[0].note).toContain(`#${noticeId}`);
    expect((await auditRows('balance.sync')).at(-1)).toMatchObject({
      actor_id: admin.id,
      meta: { noticeId, partnerDays: 100, correction: 70, before: 30, after: 100 },
    });
  });

  it('lowers the balance with a negative correction, down to 0 when the partner has nothing left', async () => {
    await setBalance(45);
    const lower = await insertNotice(12);
    const first = await admin.client.post('/api/admin/balances/sync', { noticeId: lower });
    expect(first.json()).toMatchObject({ correction: -33, mainBalance: { days: 12 }, ledger: { consistent: true } });
    const zero = await insertNotice(0);
    const second = await admin.client.post('/api/admin/balances/sync', { noticeId: zero });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ correction: -12, mainBalance: { days: 0 }, ledger: { sum: 0, consistent: true } });
    const { rows } = await pool.query(`SELECT days FROM balance_transactions WHERE type = 'sync' ORDER BY id DESC LIMIT 2`);
    expect(rows.map((r) => r.days)).toEqual([-12, -33]);
  });

  it('refuses with 409 when the balance already equals the partner figure', async () => {
    await setBalance(50);
    const noticeId = await insertNotice(50);
    const rows = (await pool.query(`SELECT count(*)::int AS n FROM balance_transactions`)).rows[0].n;
    const response = await admin.client.post('/api/admin/balances/sync', { noticeId });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(BALANCE_MESSAGES.syncAlreadyEqual);
    expect((await pool.query(`SELECT count(*)::int AS n FROM balance_transactions`)).rows[0].n).toBe(rows);
  });

  it('refuses with 409 a notice that is not the latest', async () => {
    await setBalance(10);
    const old = await insertNotice(80, new Date(Date.now() - 60_000));
    await insertNotice(90);
    const response = await admin.client.post('/api/admin/balances/sync', { noticeId: old });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(BALANCE_MESSAGES.syncNotLatest);
    expect(await balanceDays()).toBe(10);
  });

  it('refuses with 409 a notice without a day count, or with a negative one', async () => {
    await setBalance(10);
    const unknown = await insertNotice(null);
    const summaryWithout = await summary();
    expect(summaryWithout.difference).toBeNull();
    const response = await admin.client.post('/api/admin/balances/sync', { noticeId: unknown });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(BALANCE_MESSAGES.syncNoDays);
    const negative = await insertNotice(-3);
    const refused = await admin.client.post('/api/admin/balances/sync', { noticeId: negative });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(BALANCE_MESSAGES.syncNegative);
    expect(await balanceDays()).toBe(10);
  });

  it('records one correction when two admins confirm the same sync at once', async () => {
    await setBalance(5);
    const noticeId = await insertNotice(25);
    const syncs = (await auditRows('balance.sync')).length;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? secondAdmin : admin).client.post('/api/admin/balances/sync', { noticeId })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await balanceDays()).toBe(25);
    expect(await auditRows('balance.sync')).toHaveLength(syncs + 1);
    expect((await summary()).ledger.consistent).toBe(true);
  });
});

describe('the ledger: list and CSV export', () => {
  let owner: Awaited<ReturnType<typeof signUpUser>>;
  let other: Awaited<ReturnType<typeof signUpUser>>;
  let channel: { id: string; ref: string };
  let started: Date;

  beforeAll(async () => {
    started = new Date();
    owner = await signUpUser(app, { name: 'Ledger Owner', email: `ledger-owner-${Date.now()}@example.com` });
    other = await signUpUser(app, { name: 'Someone Else' });
    channel = await insertChannel(owner.id, 'Sales line');
    await setBalance(100);
    await db.transaction(async (tx) => {
      await changeMainBalance(tx, { type: 'allocate', days: 30, channelId: channel.id, userId: owner.id, actorId: admin.id, note: 'WHAPI extend successful', opId: 'op-allocate' });
      await changeMainBalance(tx, { type: 'refund', days: 12, channelId: channel.id, userId: owner.id, actorId: admin.id, note: 'WHAPI delete successful — unused days returned', opId: 'op-refund' });
    });
    await pool.query(`INSERT INTO balance_transactions (type, days, user_id, actor_id, note, op_id) VALUES ('user_debit', 4, $1, $2, 'Admin −4 days', 'op-debit')`, [other.id, admin.id]);
    // Notes a spreadsheet would otherwise run as formulas, and ones that need CSV quoting.
    for (const note of ['=HYPERLINK("http://evil.example","click")', '+1+2', '-2+3', '@SUM(A1:A2)', 'plain, with "quotes"\nand a line break']) {
      const response = await admin.client.post('/api/admin/balances/topup', { days: 1, note });
      expect(response.statusCode, response.body).toBe(200);
    }
  });

  async function page(query: string) {
    const response = await admin.client.get(`/api/admin/balances/transactions${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: LedgerRow[]; total: number; page: number; pageSize: number };
  }

  it('lists rows newest first with signed days, channel, user, actor, note and op id', async () => {
    const body = await page(`?userId=${owner.id}`);
    expect(body.total).toBe(2);
    expect(body.items.map((row) => [row.type, row.days])).toEqual(
      expect.arrayContaining([
        ['allocate', -30],
        ['refund', 12],
      ]),
    );
    const allocate = body.items.find((row) => row.type === 'allocate')!;
    expect(allocate).toMatchObject({
      channel: { id: channel.id, name: 'Sales line', ref: channel.ref },
      user: { id: owner.id, email: owner.email },
      actor: { id: admin.id, email: admin.email },
      note: 'WHAPI extend successful',
      opId: 'op-allocate',
    });
    const debit = (await page(`?type=user_debit&userId=${other.id}`)).items[0]!;
    expect(debit.days).toBe(-4);
  });

  it('filters by type, user search, channel and date range, and pages', async () => {
    expect((await page('?type=refund')).items.every((row) => row.type === 'refund')).toBe(true);
    expect((await page('?user=ledger-owner')).total).toBe(2);
    expect((await page('?user=Someone%20Else')).items.map((row) => row.type)).toEqual(['user_debit']);
    expect((await page(`?channelId=${channel.id}`)).total).toBe(2);
    expect((await page(`?user=${encodeURIComponent('%')}`)).total).toBe(0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await page(`?from=${encodeURIComponent(future)}`)).total).toBe(0);
    const since = await page(`?from=${encodeURIComponent(started.toISOString())}&pageSize=100`);
    expect(since.items.length).toBeGreaterThanOrEqual(8);
    expect((await page(`?to=${encodeURIComponent(new Date(started.getTime() - 1).toISOString())}&userId=${owner.id}`)).total).toBe(0);

    const all = await page('?pageSize=100');
    const first = await page('?pageSize=3&page=1');
    const second = await page('?pageSize=3&page=2');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((row) => row.id)).toEqual(all.items.slice(0, 6).map((row) => row.id));
  });

  it('refuses bad filters with field messages', async () => {
    for (const [query, field] of [
      ['?type=bonus', 'type'],
      ['?from=yesterday', 'from'],
      ['?pageSize=101', 'pageSize'],
      ['?page=0', 'page'],
    ] as const) {
      const response = await admin.client.get(`/api/admin/balances/transactions${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    const csv = await admin.client.get('/api/admin/balances/transactions.csv?type=bonus');
    expect(csv.statusCode).toBe(400);
  });

  it('exports the same rows as an attachment, quoting fields and defusing formulas', async () => {
    const response = await admin.client.get('/api/admin/balances/transactions.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="ledger-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body.startsWith('\uFEFF')).toBe(true);

    const [header, ...rows] = parseCsv(response.body.slice(1));
    expect(header).toEqual(['Time (UTC)', 'Type', 'Days', 'Channel', 'Channel ID', 'User', 'Actor', 'Note', 'Op ID']);
    const all = await page('?pageSize=100');
    expect(rows).toHaveLength(all.total);
    expect(rows.map((row) => row[8])).toEqual(all.items.map((row) => row.opId ?? ''));

    const notes = rows.map((row) => row[7]);
    expect(notes).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(notes).toContain(`'+1+2`);
    expect(notes).toContain(`'-2+3`);
    expect(notes).toContain(`'@SUM(A1:A2)`);
    expect(notes).toContain('plain, with "quotes"\nand a line break');
    // The raw text quotes what needs quoting and doubles inner quotes.
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    const allocate = rows.find((row) => row[1] === 'allocate')!;
    // Signed numbers stay numbers: a negative day count is a value, not a formula.
    expect(allocate.slice(2, 8)).toEqual(['-30', 'Sales line', channel.ref, owner.email, admin.email, 'WHAPI extend successful']);
    expect(new Date(allocate[0]!).toISOString()).toBe(allocate[0]);
  });

  it('honours the filters in the export', async () => {
    const response = await admin.client.get(`/api/admin/balances/transactions.csv?userId=${owner.id}&type=refund`);
    const [, ...rows] = parseCsv(response.body.slice(1));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(1, 3)).toEqual(['refund', '12']);
  });

  it('streams a long ledger in keyset batches without skipping or repeating rows written in one transaction', async () => {
    const all = await listLedger(db, { page: 1, pageSize: 100 });
    const streamed: string[] = [];
    for await (const row of iterateLedger(db, {}, 2)) streamed.push(row.id);
    expect(streamed).toEqual(all.items.map((row) => row.id));
  });
});

describe('GET /api/admin/balances/users', () => {
  it('shows plan, channels used against the effective limit and days remaining; admins are not listed', async () => {
    const plan = await createPlanAs(admin.client, { limits: { daily: 10, bulk: 10, channels: 1, chatbots: 1 } }, 'published');
    const withPlan = await signUpUser(app, { name: 'Overview Planned', email: `overview-planned-${Date.now()}@example.com` });
    const noPlan = await signUpUser(app, { name: 'Overview Nothing', email: `overview-nothing-${Date.now()}@example.com` });
    // 10 days and an hour left: days remaining round up to 11 (DOMAIN.md "Days" §3).
    const ends = new Date(Date.now() + 10 * 86_400_000 + 3_600_000);
    await pool.query(
      `INSERT INTO subscriptions (user_id, plan_id, status, service_ends_at, days_total, overrides, is_current)
       VALUES ($1, $2, 'active', $3, 11, $4, true)`,
      [withPlan.id, plan.id, ends, JSON.stringify({ limits: { channels: 3 } })],
    );
    await insertChannel(withPlan.id, 'Live one');
    await insertChannel(withPlan.id, 'Deleted one', { deleted: true });

    const response = await admin.client.get('/api/admin/balances/users?search=overview-&pageSize=100');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.total).toBe(2);
    const planned = body.items.find((u: { id: string }) => u.id === withPlan.id);
    expect(planned).toEqual({
      id: withPlan.id,
      name: 'Overview Planned',
      email: withPlan.email,
      planName: plan.name,
      status: 'active',
      channelsUsed: 1,
      channelsLimit: 3,
      daysRemaining: 11,
    });
    expect(body.items.find((u: { id: string }) => u.id === noPlan.id)).toMatchObject({
      planName: null,
      status: 'none',
      channelsUsed: 0,
      channelsLimit: 0,
      daysRemaining: 0,
    });

    const everyone = (await admin.client.get('/api/admin/balances/users?pageSize=100')).json();
    expect(everyone.items.map((u: { id: string }) => u.id)).not.toContain(admin.id);

    await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [noPlan.id]);
    const banned = (await admin.client.get(`/api/admin/balances/users?search=${encodeURIComponent(noPlan.email)}`)).json();
    expect(banned.items).toHaveLength(1);
    expect(banned.items[0].status).toBe('banned');
  });

  it('shows an expired user with 0 days and the plan limit', async () => {
    const plan = await createPlanAs(admin.client, { limits: { daily: 10, bulk: 10, channels: 2, chatbots: 1 } }, 'published');
    const expired = await signUpUser(app);
    await pool.query(
      `INSERT INTO subscriptions (user_id, plan_id, status, service_ends_at, days_total, is_current) VALUES ($1, $2, 'active', $3, 30, true)`,
      [expired.id, plan.id, new Date(Date.now() - 1000)],
    );
    const body = (await admin.client.get(`/api/admin/balances/users?search=${encodeURIComponent(expired.email)}`)).json();
    expect(body.items[0]).toMatchObject({ status: 'expired', channelsLimit: 2, daysRemaining: 0 });
  });

  it('pages and refuses bad paging', async () => {
    const first = (await admin.client.get('/api/admin/balances/users?pageSize=1&page=1')).json();
    const second = (await admin.client.get('/api/admin/balances/users?pageSize=1&page=2')).json();
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await admin.client.get('/api/admin/balances/users?page=0')).statusCode).toBe(400);
  });
});

/** A strict RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || record.length) throw new Error('the CSV does not end with CRLF');
  return records;
}
