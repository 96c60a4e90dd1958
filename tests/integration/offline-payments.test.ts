import { beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_MESSAGES } from '../../src/contracts/payments';
import type { Plan } from '../../src/contracts/plans';
import { signUpAdmin, signUpUser, startTestApp, TEST_ORIGIN, type TestClient } from '../support/test-app';
import { createPlanAs } from './plan-fixtures';

// DOMAIN.md "Payments" → Offline; QUALITY F1, F2, F4 (uploads) and L9 (a decision happens once).
const testApp = await startTestApp();
const { app } = testApp;
const pool = testApp.database.pool;

function pngHeader(extra = Buffer.alloc(64, 0x11)): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, extra]);
}
const PNG = pngHeader();
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(64, 0x22)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(64, 0x33)]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Upload {
  planId?: string;
  reference?: string;
  file?: { bytes: Buffer; filename: string; contentType: string } | null;
}

/** A multipart/form-data body built by hand, as a browser sends it. */
function multipartBody({ planId, reference, file }: Upload): { body: Buffer; contentType: string } {
  const boundary = `----probe${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  const field = (name: string, value: string) =>
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (planId !== undefined) field('planId', planId);
  if (reference !== undefined) field('reference', reference);
  if (file) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="proof"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: TestClient, input: Upload, origin = TEST_ORIGIN) {
  const { body, contentType } = multipartBody(input);
  return app.inject({
    method: 'POST',
    url: '/api/payments/offline',
    headers: {
      origin,
      'content-type': contentType,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    payload: body,
  });
}

const proof = (bytes: Buffer, filename = 'receipt.png', contentType = 'image/png') => ({ bytes, filename, contentType });

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let secondAdmin: Awaited<ReturnType<typeof signUpAdmin>>;
let plan: Plan;
let annual: Plan;

beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  secondAdmin = await signUpAdmin(testApp);
  plan = await createPlanAs(admin.client, { billingPeriod: 'monthly' }, 'published');
  annual = await createPlanAs(admin.client, { billingPeriod: 'annual' }, 'published');
});

async function submitted(client: TestClient, planId = plan.id, reference = 'TRX-1') {
  const response = await upload(client, { planId, reference, file: proof(PNG) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().payment as { id: string; status: string };
}

describe('POST /api/payments/offline', () => {
  it.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
    ['PDF', PDF, 'application/pdf'],
  ])('accepts a %s proof, stores it pending with its sniffed type, notifies admins and audits', async (_, bytes, type) => {
    const user = await signUpUser(app, { name: 'Payer Person' });
    const response = await upload(user.client, { planId: plan.id, reference: ' BANK-42 ', file: proof(bytes, 'my receipt.bin', 'application/octet-stream') });
    expect(response.statusCode, response.body).toBe(201);
    const payment = response.json().payment;
    expect(payment).toMatchObject({ planId: plan.id, planName: plan.name, reference: 'BANK-42', status: 'pending', reviewedAt: null });
    expect(payment.proof.contentType).toBe(type);
    const { rows: proofs } = await pool.query(`SELECT content_type, size, bytes FROM payment_proofs WHERE payment_id = $1`, [payment.id]);
    expect(proofs[0].content_type).toBe(type);
    expect(Buffer.compare(proofs[0].bytes, bytes)).toBe(0);
    const { rows: subs } = await pool.query(`SELECT plan_id, status, is_current FROM subscriptions WHERE user_id = $1`, [user.id]);
    expect(subs).toEqual([{ plan_id: plan.id, status: 'pending', is_current: true }]);
    const { rows: notes } = await pool.query(`SELECT user_id FROM notifications WHERE title = $1`, ['New offline payment from Payer Person']);
    expect(notes.map((n) => n.user_id)).toEqual(expect.arrayContaining([admin.id, secondAdmin.id]));
    const { rows: audit } = await pool.query(`SELECT actor_id FROM audit_log WHERE action = 'payment.offline_submit' AND target_id = $1`, [payment.id]);
    expect(audit).toEqual([{ actor_id: user.id }]);
  });

  it('refuses a proof of 5 MB + 1 byte with 413 and stores nothing', async () => {
    const user = await signUpUser(app);
    const big = pngHeader(Buffer.alloc(5 * 1024 * 1024 + 1 - PNG.length + 64, 0x11));
    const response = await upload(user.client, { planId: plan.id, reference: 'BIG', file: proof(big.subarray(0, 5 * 1024 * 1024 + 1)) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await pool.query(`SELECT 1 FROM user_offline_payments WHERE user_id = $1`, [user.id])).rowCount).toBe(0);
  });

  it('accepts a proof of exactly 5 MB', async () => {
    const user = await signUpUser(app);
    const exact = pngHeader(Buffer.alloc(5 * 1024 * 1024 - PNG.length + 64, 0x11));
    const response = await upload(user.client, { planId: plan.id, reference: 'EXACT', file: proof(exact) });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().payment.proof.size).toBe(5 * 1024 * 1024);
  });

  it.each([
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.png', 'image/png'],
    ['HTML', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'x.jpg', 'image/jpeg'],
    ['text', Buffer.from('just some text, not a receipt'), 'x.pdf', 'application/pdf'],
    ['a polyglot (PNG signature + HTML)', Buffer.concat([PNG.subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]), 'x.png', 'image/png'],
    ['a PNG carrying HTML', pngHeader(Buffer.from('<html><body><script>alert(1)</script></body></html>')), 'x.png', 'image/png'],
  ])('refuses %s by its content with 415, whatever its name and declared type', async (_, bytes, filename, type) => {
    const user = await signUpUser(app);
    const response = await upload(user.client, { planId: plan.id, reference: 'BAD', file: proof(bytes, filename, type) });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await pool.query(`SELECT 1 FROM user_offline_payments WHERE user_id = $1`, [user.id])).rowCount).toBe(0);
  });

  it('stores a PNG named .pdf as image/png with a .png name', async () => {
    const user = await signUpUser(app);
    const response = await upload(user.client, { planId: plan.id, reference: 'NAMED', file: proof(PNG, '../../in;voice<1>.pdf', 'application/pdf') });
    expect(response.statusCode, response.body).toBe(201);
    const { rows } = await pool.query(`SELECT filename, content_type FROM payment_proofs WHERE payment_id = $1`, [response.json().payment.id]);
    expect(rows[0]).toEqual({ filename: 'in_voice_1_.png', content_type: 'image/png' });
  });

  it('refuses an unknown plan (404), a draft plan (404) and a quote plan (400)', async () => {
    const user = await signUpUser(app);
    const draft = await createPlanAs(admin.client, {}, 'draft');
    const quote = await createPlanAs(admin.client, { requestType: 'request_quote', monthlyPriceMinor: null }, 'published');
    expect((await upload(user.client, { planId: 'no-such-plan', reference: 'R', file: proof(PNG) })).statusCode).toBe(404);
    expect((await upload(user.client, { planId: draft.id, reference: 'R', file: proof(PNG) })).statusCode).toBe(404);
    const quoted = await upload(user.client, { planId: quote.id, reference: 'R', file: proof(PNG) });
    expect(quoted.statusCode).toBe(400);
    expect((await pool.query(`SELECT 1 FROM user_offline_payments WHERE user_id = $1`, [user.id])).rowCount).toBe(0);
  });

  it('refuses missing fields and a reference over 120 characters with field errors', async () => {
    const user = await signUpUser(app);
    const response = await upload(user.client, { planId: plan.id, reference: 'x'.repeat(121), file: null });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['proof', 'reference']);
  });

  it('refuses a JSON body with 415 and a cross-site upload with 403', async () => {
    const user = await signUpUser(app);
    const json = await user.client.post('/api/payments/offline', { planId: plan.id, reference: 'R' });
    expect(json.statusCode).toBe(415);
    const foreign = await upload(user.client, { planId: plan.id, reference: 'R', file: proof(PNG) }, 'https://evil.example');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CSRF_REJECTED');
  });

  it('throttles a user after 10 uploads in an hour with 429 and Retry-After', async () => {
    const user = await signUpUser(app);
    for (let i = 0; i < 10; i += 1) await submitted(user.client, plan.id, `T-${i}`);
    const response = await upload(user.client, { planId: plan.id, reference: 'T-11', file: proof(PNG) });
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts refused uploads too, so a flood of bad files is stopped (429)', async () => {
    const user = await signUpUser(app);
    for (let i = 0; i < 10; i += 1) {
      const refused = await upload(user.client, { planId: plan.id, reference: `J-${i}`, file: proof(Buffer.from('junk')) });
      expect(refused.statusCode).toBe(415);
    }
    const response = await upload(user.client, { planId: plan.id, reference: 'GOOD', file: proof(PNG) });
    expect(response.statusCode).toBe(429);
    expect((await pool.query(`SELECT 1 FROM user_offline_payments WHERE user_id = $1`, [user.id])).rowCount).toBe(0);
  });
});

describe('GET /api/payments and the proof', () => {
  it('lists the user’s own payments only', async () => {
    const user = await signUpUser(app);
    const other = await signUpUser(app);
    const mine = await submitted(user.client, plan.id, 'MINE');
    await submitted(other.client, plan.id, 'THEIRS');
    const response = await user.client.get('/api/payments');
    expect(response.statusCode).toBe(200);
    expect(response.json().payments).toEqual([expect.objectContaining({ id: mine.id, reference: 'MINE', planName: plan.name, status: 'pending' })]);
  });

  it('serves the proof to its owner and admins with safe headers, and 404 to anyone else', async () => {
    const user = await signUpUser(app);
    const other = await signUpUser(app);
    const payment = await submitted(user.client);
    const own = await user.client.get(`/api/payments/${payment.id}/proof`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.equals(PNG)).toBe(true);
    expect(own.headers).toMatchObject({
      'content-type': 'image/png',
      'content-disposition': 'attachment; filename="receipt.png"',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-store',
    });
    const inline = await user.client.get(`/api/payments/${payment.id}/proof?inline=1`);
    expect(inline.headers['content-disposition']).toBe('inline; filename="receipt.png"');
    expect((await admin.client.get(`/api/payments/${payment.id}/proof`)).statusCode).toBe(200);
    const stranger = await other.client.get(`/api/payments/${payment.id}/proof`);
    expect(stranger.statusCode).toBe(404);
    expect((await other.client.get(`/api/payments/no-such/proof`)).statusCode).toBe(404);
  });
});

async function ledgerRows(userId: string) {
  return (await pool.query(`SELECT type, days, actor_id, note, op_id FROM balance_transactions WHERE user_id = $1`, [userId])).rows;
}

describe('admin decisions', () => {
  it('lists pending payments with counts per status', async () => {
    const user = await signUpUser(app);
    const payment = await submitted(user.client);
    const response = await admin.client.get('/api/admin/payments?status=pending&pageSize=100');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.items.map((p: { id: string }) => p.id)).toContain(payment.id);
    expect(page.counts.pending).toBeGreaterThan(0);
    expect(page.total).toBe(page.counts.pending);
  });

  it('approve credits the plan period once: active, ledger, exact notification, audit, /api/me', async () => {
    const user = await signUpUser(app);
    const payment = await submitted(user.client, plan.id, 'APPROVE-ME');
    const response = await admin.client.post(`/api/admin/payments/${payment.id}/approve`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().payment).toMatchObject({ status: 'approved', daysCredited: 30 });

    const { rows: subs } = await pool.query(
      `SELECT status, payment_method, days_total, service_ends_at, is_current FROM subscriptions WHERE user_id = $1`,
      [user.id],
    );
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ status: 'active', payment_method: 'offline', days_total: 30, is_current: true });
    const ends = (subs[0].service_ends_at as Date).getTime();
    expect(Math.abs(ends - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);
    expect(await ledgerRows(user.id)).toEqual([
      { type: 'user_credit', days: 30, actor_id: admin.id, note: 'Offline payment APPROVE-ME approved', op_id: payment.id },
    ]);
    const { rows: notes } = await pool.query(`SELECT title FROM notifications WHERE user_id = $1`, [user.id]);
    expect(notes.map((n) => n.title)).toEqual(['Your plan is now active. You can add your first WhatsApp channel.']);
    expect(PAYMENT_MESSAGES.approvedTitle).toBe(notes[0].title);
    const { rows: audit } = await pool.query(`SELECT actor_id, meta FROM audit_log WHERE action = 'payment.approve' AND target_id = $1`, [payment.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].meta).toMatchObject({ days: 30, serviceEndsAtBefore: null });

    const me = (await user.client.get('/api/me')).json();
    expect(me.subscription).toMatchObject({ planId: plan.id, state: 'active', daysRemaining: 30 });

    const again = await secondAdmin.client.post(`/api/admin/payments/${payment.id}/approve`, { days: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('This payment has already been decided.');
  });

  it('approve with admin-entered days, and the ledger refuses edits', async () => {
    const user = await signUpUser(app);
    const payment = await submitted(user.client, annual.id);
    expect((await admin.client.post(`/api/admin/payments/${payment.id}/approve`, { days: 3651 })).statusCode).toBe(400);
    const response = await admin.client.post(`/api/admin/payments/${payment.id}/approve`, { days: 7 });
    expect(response.json().payment.daysCredited).toBe(7);
    expect((await user.client.get('/api/me')).json().subscription.daysRemaining).toBe(7);
    await expect(pool.query(`UPDATE balance_transactions SET days = 99 WHERE user_id = $1`, [user.id])).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM balance_transactions WHERE user_id = $1`, [user.id])).rejects.toThrow(/append-only/);
  });

  it('ten approvals at once from two admins: exactly one succeeds, one credit, one ledger row (L9)', async () => {
    const user = await signUpUser(app);
    const payment = await submitted(user.client);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? secondAdmin : admin).client.post(`/api/admin/payments/${payment.id}/approve`, {})),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, ...Array(9).fill(409)]);
    expect(await ledgerRows(user.id)).toHaveLength(1);
    const { rows } = await pool.query(`SELECT days_total FROM subscriptions WHERE user_id = $1 AND is_current`, [user.id]);
    expect(rows[0].days_total).toBe(30);
  });

  it('reject needs a reason, changes nothing else, notifies the user and audits', async () => {
    const user = await signUpUser(app);
    const payment = await submitted(user.client, plan.id, 'NOPE');
    const subsBefore = (await pool.query(`SELECT * FROM subscriptions WHERE user_id = $1`, [user.id])).rows;
    expect((await admin.client.post(`/api/admin/payments/${payment.id}/reject`, {})).statusCode).toBe(400);
    expect((await admin.client.post(`/api/admin/payments/${payment.id}/reject`, { reason: 'x'.repeat(1001) })).statusCode).toBe(400);
    const response = await admin.client.post(`/api/admin/payments/${payment.id}/reject`, { reason: 'Amount does not match.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().payment).toMatchObject({ status: 'rejected', rejectReason: 'Amount does not match.', daysCredited: null });
    expect((await pool.query(`SELECT * FROM subscriptions WHERE user_id = $1`, [user.id])).rows).toEqual(subsBefore);
    expect(await ledgerRows(user.id)).toEqual([]);
    const { rows: notes } = await pool.query(`SELECT body FROM notifications WHERE user_id = $1`, [user.id]);
    expect(notes).toEqual([{ body: 'Amount does not match.' }]);
    const { rows: audit } = await pool.query(`SELECT reason FROM audit_log WHERE action = 'payment.reject' AND target_id = $1`, [payment.id]);
    expect(audit).toEqual([{ reason: 'Amount does not match.' }]);
    expect((await admin.client.post(`/api/admin/payments/${payment.id}/approve`, {})).statusCode).toBe(409);
    expect((await user.client.get('/api/payments')).json().payments[0]).toMatchObject({ status: 'rejected', rejectReason: 'Amount does not match.' });
  });

  it('refuses the admin routes to plain users', async () => {
    const user = await signUpUser(app);
    const payment = await submitted(user.client);
    expect((await user.client.post(`/api/admin/payments/${payment.id}/approve`, {})).statusCode).toBe(403);
    expect((await user.client.get('/api/admin/payments')).statusCode).toBe(403);
  });
});
