import { beforeAll, describe, expect, it } from 'vitest';
import { loadSenderAccount } from '../../src/server/features/messaging/sender-account';
import { readAutoAllocate } from '../../src/server/features/platform-settings/read-auto-allocate';
import { signUpAdmin, signUpUser, startTestApp, TestClient } from '../support/test-app';

// Admin → Settings → Platform: the auto-allocation switch of DOMAIN.md "Auto-allocation" (default on), which the
// channels engine reads through readAutoAllocate.
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;
const db = testApp.database.db;

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let user: Awaited<ReturnType<typeof signUpUser>>;

beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  user = await signUpUser(app, { name: 'Plain User' });
});

const read = async (client = admin.client) => client.request('GET', '/api/admin/settings/platform');
const write = async (body: unknown, client = admin.client) => client.request('PUT', '/api/admin/settings/platform', body);

async function auditRows() {
  return (await pool.query(`SELECT actor_id, target_type, target_id, meta FROM audit_log WHERE action = 'settings.platform_update' ORDER BY created_at, id`)).rows;
}

describe('platform settings', () => {
  it('starts with auto-allocation on', async () => {
    const response = await read();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ autoAllocate: true, updatedAt: expect.any(String) });
    expect(await readAutoAllocate(db)).toBe(true);
  });

  it('turns auto-allocation off, keeps it off, and audits the change with before and after', async () => {
    const response = await write({ autoAllocate: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().autoAllocate).toBe(false);
    expect((await read()).json().autoAllocate).toBe(false);
    expect(await readAutoAllocate(db)).toBe(false);

    const { rows } = await pool.query(`SELECT auto_allocate, updated_by FROM app_settings`);
    expect(rows).toEqual([{ auto_allocate: false, updated_by: admin.id }]);
    expect(await auditRows()).toEqual([
      {
        actor_id: admin.id,
        target_type: 'settings',
        target_id: 'platform',
        meta: { changed: ['autoAllocate'], before: { autoAllocate: true }, after: { autoAllocate: false } },
      },
    ]);
  });

  it('writes no audit row when nothing changes, and one when it is turned back on', async () => {
    await write({ autoAllocate: false });
    expect(await auditRows()).toHaveLength(1);
    expect((await write({ autoAllocate: true })).json().autoAllocate).toBe(true);
    expect(await readAutoAllocate(db)).toBe(true);
    const rows = await auditRows();
    expect(rows).toHaveLength(2);
    expect(rows[1].meta).toEqual({ changed: ['autoAllocate'], before: { autoAllocate: false }, after: { autoAllocate: true } });
  });

  it('is read inside a transaction as that transaction sees it', async () => {
    await db
      .transaction(async (tx) => {
        await tx.execute(`UPDATE app_settings SET auto_allocate = false WHERE id = 1`);
        expect(await readAutoAllocate(tx)).toBe(false);
        expect(await readAutoAllocate(db)).toBe(true);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await readAutoAllocate(db)).toBe(true);
  });

  it.each([[{}], [{ autoAllocate: 'yes' }], [{ autoAllocate: null }], [{ autoAllocate: true, extra: 1 }]])('refuses %j with 400', async (body) => {
    const response = await write(body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(await readAutoAllocate(db)).toBe(true);
  });

  it('answers with the default (on) when the row is missing, and recreates it', async () => {
    await pool.query(`DELETE FROM app_settings`);
    expect(await readAutoAllocate(db)).toBe(true);
    expect((await read()).json().autoAllocate).toBe(true);
    expect((await pool.query(`SELECT count(*)::int AS n FROM app_settings`)).rows[0].n).toBe(1);
  });

  it('refuses the settings to a user (403) and to a visitor (401)', async () => {
    expect((await read(user.client)).statusCode).toBe(403);
    const asUser = await write({ autoAllocate: false }, user.client);
    expect(asUser.statusCode).toBe(403);
    expect(asUser.json().error.code).toBe('FORBIDDEN');
    const anonymous = new TestClient(app);
    expect((await read(anonymous)).statusCode).toBe(401);
    expect((await write({ autoAllocate: false }, anonymous)).statusCode).toBe(401);
    expect(await readAutoAllocate(db)).toBe(true);
    expect(await auditRows()).toHaveLength(2);
  });

  it('sets the calendar’s time zone, which moves the daily message window, and refuses an unknown zone', async () => {
    expect((await read()).json().timeZone).toBe('UTC');
    const response = await write({ timeZone: 'Asia/Bahrain' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ timeZone: 'Asia/Bahrain', autoAllocate: true });
    expect((await auditRows()).at(-1)!.meta).toEqual({ changed: ['timeZone'], before: { timeZone: 'UTC' }, after: { timeZone: 'Asia/Bahrain' } });
    const account = await loadSenderAccount(db, admin.id, new Date('2026-11-21T22:30:00Z'));
    expect(account!.daily.key).toBe('2026-11-22');
    const bad = await write({ timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ timeZone: 'Choose a time zone from the list, e.g. Asia/Bahrain.' });
    expect((await write({ timeZone: 'UTC' })).json().timeZone).toBe('UTC');
  });
});
