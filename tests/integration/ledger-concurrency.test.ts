import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/contracts/errors';
import { AppError } from '../../src/server/app-error';
import { changeMainBalance, type MainBalanceEntry } from '../../src/server/features/balances/change-main-balance';
import { readBalanceSummary } from '../../src/server/features/balances/read-balance-summary';
import { syncMainBalance } from '../../src/server/features/balances/sync-main-balance';
import { topUpMainBalance } from '../../src/server/features/balances/top-up-main-balance';
import { adjustServiceDays } from '../../src/server/features/users/adjust-service-days';
import { banUser } from '../../src/server/features/users/ban-user';
import { unbanUser } from '../../src/server/features/users/unban-user';
import { signUpAdmin, signUpUser, startTestApp } from '../support/test-app';

// QUALITY L1, L2, L5 and L6 for the admin main balance, on real PostgreSQL through a pool of 20 connections (a
// single-connection database would serialise everything and prove nothing).
const testApp = await startTestApp();
const pool = testApp.database.pool;
const db = testApp.database.db;

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let customer: Awaited<ReturnType<typeof signUpUser>>;
beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  customer = await signUpUser(testApp.app);
  // A current subscription on a plan, with no days yet: the L6 customer's clock.
  const plan = await pool.query(`INSERT INTO plans (name, status) VALUES ('L6 plan', 'published') RETURNING id`);
  await pool.query(`INSERT INTO subscriptions (user_id, plan_id, status, is_current) VALUES ($1, $2, 'pending', true)`, [customer.id, plan.rows[0].id]);
});

async function balanceDays(): Promise<number> {
  return (await pool.query(`SELECT days FROM main_balance WHERE id = 1`)).rows[0].days;
}

async function setBalance(days: number): Promise<void> {
  const delta = days - (await balanceDays());
  if (delta !== 0) await db.transaction((tx) => changeMainBalance(tx, { type: 'sync', days: delta, actorId: null, note: 'test fixture' }));
}

function change(entry: Omit<MainBalanceEntry, 'actorId' | 'note'> & { note?: string }) {
  return db.transaction((tx) => changeMainBalance(tx, { actorId: admin.id, note: entry.note ?? 'concurrency', ...entry } as MainBalanceEntry));
}

/** Settles every promise and tells successes from "Insufficient main balance" refusals; anything else fails the test. */
async function outcomes(promises: Promise<unknown>[]): Promise<{ ok: number; refused: number }> {
  let ok = 0;
  let refused = 0;
  for (const result of await Promise.allSettled(promises)) {
    if (result.status === 'fulfilled') ok += 1;
    else if (result.reason instanceof AppError && result.reason.code === 'INSUFFICIENT_BALANCE') {
      expect(result.reason.message).toBe(MESSAGES.insufficientMainBalance);
      refused += 1;
    } else throw result.reason;
  }
  return { ok, refused };
}

/** Samples the balance while the race runs, so a dip below zero at any moment would be seen. */
function watchBalance() {
  const seen: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) seen.push(await balanceDays());
  })();
  return async () => {
    running = false;
    await loop;
    return seen;
  };
}

async function expectConsistent(): Promise<void> {
  const summary = await readBalanceSummary(db);
  expect(summary.ledger).toEqual({ sum: summary.mainBalance.days, consistent: true });
  expect(summary.mainBalance.days).toBeGreaterThanOrEqual(0);
}

describe('concurrent changes to the main balance', () => {
  it('50 top-ups through the API and 50 allocations at once: never below 0, balance equals the ledger', async () => {
    await setBalance(10);
    const stop = watchBalance();
    const topUps = Array.from({ length: 50 }, () => admin.client.post('/api/admin/balances/topup', { days: 2, note: 'race top-up' }));
    const allocations = Array.from({ length: 50 }, () => change({ type: 'allocate', days: 3 }));
    const [responses, { ok, refused }] = await Promise.all([Promise.all(topUps), outcomes(allocations)]);
    const seen = await stop();

    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect(ok + refused).toBe(50);
    expect(await balanceDays()).toBe(10 + 50 * 2 - ok * 3);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    const audits = await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'balance.topup' AND reason = 'race top-up'`);
    expect(audits.rows[0].n).toBe(50);
    await expectConsistent();
  });

  it('200 allocations of 30 days on a balance of 30: exactly one succeeds (L1)', async () => {
    await setBalance(30);
    const result = await outcomes(Array.from({ length: 200 }, () => change({ type: 'allocate', days: 30 })));
    expect(result).toEqual({ ok: 1, refused: 199 });
    expect(await balanceDays()).toBe(0);
    await expectConsistent();
  });

  it('200 allocations of 1 day on a balance of 30: exactly 30 succeed (L2)', async () => {
    await setBalance(30);
    const stop = watchBalance();
    const result = await outcomes(Array.from({ length: 200 }, () => change({ type: 'allocate', days: 1 })));
    const seen = await stop();
    expect(result).toEqual({ ok: 30, refused: 170 });
    expect(await balanceDays()).toBe(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    await expectConsistent();
  });

  it('allocations, refunds and top-ups mixed at once keep the balance equal to its ledger', async () => {
    await setBalance(20);
    const operations = Array.from({ length: 90 }, (_, i) =>
      i % 3 === 0 ? change({ type: 'topup', days: 1 }) : i % 3 === 1 ? change({ type: 'refund', days: 2 }) : change({ type: 'allocate', days: 5 }),
    );
    const result = await outcomes(operations);
    expect(result.ok + result.refused).toBe(90);
    expect(await balanceDays()).toBe(20 + 30 * 1 + 30 * 2 - (result.ok - 60) * 5);
    await expectConsistent();
  });
});

describe('the database itself (L5)', () => {
  it('refuses a negative main balance even from a direct UPDATE', async () => {
    await setBalance(3);
    await expect(pool.query(`UPDATE main_balance SET days = -1 WHERE id = 1`)).rejects.toThrow(/main_balance_not_negative/);
    await expect(pool.query(`INSERT INTO main_balance (id, days) VALUES (2, 5)`)).rejects.toThrow(/main_balance_single_row|duplicate|violates/);
    expect(await balanceDays()).toBe(3);
  });

  it('refuses to update, delete or truncate ledger rows', async () => {
    await change({ type: 'topup', days: 1 });
    await expect(pool.query(`UPDATE balance_transactions SET days = 999 WHERE type = 'topup'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM balance_transactions WHERE type = 'topup'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE balance_transactions`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`INSERT INTO balance_transactions (type, days) VALUES ('topup', 0)`)).rejects.toThrow(/days_positive/);
    await expect(pool.query(`INSERT INTO balance_transactions (type, days) VALUES ('allocate', -5)`)).rejects.toThrow(/days_positive/);
    await expectConsistent();
  });

  it('refuses an allocation larger than the balance without writing a ledger row', async () => {
    await setBalance(4);
    const rows = (await pool.query(`SELECT count(*)::int AS n FROM balance_transactions`)).rows[0].n;
    await expect(change({ type: 'allocate', days: 5 })).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect((await pool.query(`SELECT count(*)::int AS n FROM balance_transactions`)).rows[0].n).toBe(rows);
    expect(await balanceDays()).toBe(4);
  });
});

// QUALITY L6: random sequences of top-up / allocate / refund / sync on the main balance and credit / debit / ban /
// unban of one user's service days, against an in-memory model, on the real database. Each run starts from
// whatever the previous one left, so nothing has to be reset.
interface Model {
  balance: number;
  /** The user's whole days remaining on the service clock (exact while a run lasts far less than a day). */
  userDays: number;
  /** Sum of credits minus debits: `subscriptions.days_total` and the user's ledger rows must agree with it. */
  userTotal: number;
  banned: boolean;
}
interface Real {
  /** Ledger rows written before this run, and their sum: the run's own rows are summed by id (cheap). */
  firstId: number;
  sumBefore: number;
}

async function checkInvariant(model: Model, real: Real): Promise<void> {
  const { rows } = await pool.query(
    `SELECT (SELECT days FROM main_balance WHERE id = 1) AS days,
            (SELECT COALESCE(SUM(CASE WHEN type = 'allocate' THEN -days ELSE days END), 0)::int FROM balance_transactions
              WHERE id >= $1 AND type IN ('topup', 'allocate', 'refund', 'sync')) AS run_sum`,
    [real.firstId],
  );
  expect(rows[0].days).toBe(model.balance);
  expect(real.sumBefore + rows[0].run_sum).toBe(rows[0].days);
  expect(rows[0].days).toBeGreaterThanOrEqual(0);
  const user = await pool.query(
    `SELECT u.banned, s.days_total,
            GREATEST(0, CEIL(EXTRACT(EPOCH FROM (s.service_ends_at - now())) / 86400))::int AS remaining,
            (SELECT COALESCE(SUM(CASE WHEN type = 'user_debit' THEN -days ELSE days END), 0)::int
               FROM balance_transactions WHERE user_id = u.id AND type IN ('user_credit', 'user_debit')) AS ledger
       FROM users u JOIN subscriptions s ON s.user_id = u.id AND s.is_current WHERE u.id = $1`,
    [customer.id],
  );
  expect(user.rows[0]).toEqual({ banned: model.banned, days_total: model.userTotal, remaining: model.userDays, ledger: model.userTotal });
}

class TopUp implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    await topUpMainBalance(db, { userId: admin.id, ip: null }, { days: this.days, note: 'property top-up' });
    model.balance += this.days;
    await checkInvariant(model, real);
  }
  toString = () => `topup(${this.days})`;
}

class Allocate implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const attempt = change({ type: 'allocate', days: this.days });
    if (model.balance >= this.days) {
      await attempt;
      model.balance -= this.days;
    } else {
      await expect(attempt).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    }
    await checkInvariant(model, real);
  }
  toString = () => `allocate(${this.days})`;
}

class Refund implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    await change({ type: 'refund', days: this.days });
    model.balance += this.days;
    await checkInvariant(model, real);
  }
  toString = () => `refund(${this.days})`;
}

class Sync implements fc.AsyncCommand<Model, Real> {
  constructor(readonly partnerDays: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const { rows } = await pool.query(
      `INSERT INTO partner_balance_notices (current_days, days_limit, raw) VALUES ($1, 7, '{}') RETURNING id::text`,
      [this.partnerDays],
    );
    const attempt = syncMainBalance(db, { userId: admin.id, ip: null }, rows[0].id);
    if (this.partnerDays === model.balance) {
      await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    } else {
      const result = await attempt;
      expect(result.correction).toBe(this.partnerDays - model.balance);
      model.balance = this.partnerDays;
    }
    await checkInvariant(model, real);
  }
  toString = () => `sync(${this.partnerDays})`;
}

const system = () => ({ userId: admin.id, ip: null });

class Credit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    await adjustServiceDays({ db, jobs: null }, { actor: system(), userId: customer.id, delta: this.days, reason: 'property credit' });
    model.userDays += this.days;
    model.userTotal += this.days;
    await checkInvariant(model, real);
  }
  toString = () => `credit(${this.days})`;
}

class Debit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const attempt = adjustServiceDays({ db, jobs: null }, { actor: system(), userId: customer.id, delta: -this.days, reason: 'property debit' });
    if (model.userDays === 0) {
      await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    } else {
      await attempt;
      // Below zero the clock is in the past: Expired at once, 0 days remaining.
      model.userDays = Math.max(0, model.userDays - this.days);
      model.userTotal -= this.days;
    }
    await checkInvariant(model, real);
  }
  toString = () => `debit(${this.days})`;
}

class Ban implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const attempt = banUser(db, { actor: system(), userId: customer.id, reason: 'property ban' });
    if (model.banned) await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    else await attempt;
    model.banned = true;
    await checkInvariant(model, real);
  }
  toString = () => 'ban';
}

class Unban implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const attempt = unbanUser(db, { actor: system(), userId: customer.id });
    if (!model.banned) await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT' });
    else await attempt;
    model.banned = false;
    await checkInvariant(model, real);
  }
  toString = () => 'unban';
}

const commands = [
  fc.integer({ min: 1, max: 500 }).map((days) => new TopUp(days)),
  fc.integer({ min: 1, max: 90 }).map((days) => new Credit(days)),
  fc.integer({ min: 1, max: 60 }).map((days) => new Debit(days)),
  fc.constant(new Ban()),
  fc.constant(new Unban()),
  fc.integer({ min: 1, max: 400 }).map((days) => new Allocate(days)),
  fc.integer({ min: 1, max: 60 }).map((days) => new Refund(days)),
  // Small partner figures make "already equal" (and syncs down to 0) come up often.
  fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1000 })).map((days) => new Sync(days)),
];

describe('random sequences of top-up / allocate / refund / sync / credit / debit / ban / unban (L6)', () => {
  it('keep the balance equal to its ledger and never below zero, and the user\'s days and ban as the model predicts', { timeout: 900_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 50 }), async (sequence) => {
        const { rows } = await pool.query(`SELECT COALESCE(max(id), 0)::int + 1 AS first_id FROM balance_transactions`);
        const summary = await readBalanceSummary(db);
        const real: Real = { firstId: rows[0].first_id, sumBefore: summary.ledger.sum };
        const user = (await pool.query(
          `SELECT u.banned, s.days_total, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (s.service_ends_at - now())) / 86400))::int AS remaining
             FROM users u JOIN subscriptions s ON s.user_id = u.id AND s.is_current WHERE u.id = $1`,
          [customer.id],
        )).rows[0];
        const model: Model = { balance: summary.mainBalance.days, userDays: user.remaining, userTotal: user.days_total, banned: user.banned };
        await fc.asyncModelRun(() => ({ model, real }), sequence);
      }),
      { numRuns: 1000 },
    );
    await expectConsistent();
  });
});
