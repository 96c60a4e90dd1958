import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp, TestClient, uniqueEmail } from '../support/test-app';

// DOMAIN.md "Pricing and calls to action": quote and demo requests become leads and notify every admin.
const logStream = new PassThrough();
const logLines: Record<string, unknown>[] = [];
logStream.on('data', (chunk: Buffer) => {
  for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
});
const testApp = await startTestApp({ env: { LOG_LEVEL: 'info' }, logStream });
const { app } = testApp;
const pool = testApp.database.pool;

const HOUR = 3_600_000;
const inDays = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString();

let ipCounter = 0;
/** A new visitor on its own address, so the per-IP spam limit of one test never spills into another. */
function visitor(): TestClient {
  ipCounter += 1;
  return new TestClient(app, `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`);
}

function quote(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'quote', name: 'Layla Hassan', email: uniqueEmail('lead'), phone: '+97336123456', company: 'Gulf Trading', message: 'We need 20 channels.', ...overrides };
}

async function leadRows(email: string) {
  return (await pool.query(`SELECT * FROM leads WHERE email = $1`, [email])).rows;
}

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let secondAdmin: Awaited<ReturnType<typeof signUpAdmin>>;
let bannedAdmin: Awaited<ReturnType<typeof signUpAdmin>>;
let user: Awaited<ReturnType<typeof signUpUser>>;
let enterpriseId: string;

beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  secondAdmin = await signUpAdmin(testApp);
  bannedAdmin = await signUpAdmin(testApp);
  await pool.query(`UPDATE users SET banned = true WHERE id = $1`, [bannedAdmin.id]);
  user = await signUpUser(app, { name: 'Plain User' });
  enterpriseId = (await pool.query(`INSERT INTO plans (name, request_type) VALUES ('Enterprise', 'request_quote') RETURNING id`)).rows[0].id;
});

describe('POST /api/leads: quote requests', () => {
  it('stores a quote request with its plan, normalised contact details and status new', async () => {
    const body = quote({ planId: enterpriseId, email: ` Layla.${Date.now()}@Example.COM `, phone: '+973 3612 3456' });
    const response = await visitor().post('/api/leads', body);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ ok: true });

    const [row] = await leadRows((body.email as string).trim().toLowerCase());
    expect(row).toMatchObject({
      kind: 'quote',
      plan_id: enterpriseId,
      name: 'Layla Hassan',
      phone: '+97336123456',
      company: 'Gulf Trading',
      message: 'We need 20 channels.',
      status: 'new',
      preferred_at: null,
      notes: null,
      user_id: null,
    });
    expect(row.ip).toMatch(/^10\.77\./);
  });

  it('stores blank optional fields as null and keeps a lead whose plan no longer exists, without the plan', async () => {
    const body = quote({ planId: 'no-such-plan', company: '  ', message: '' });
    expect((await visitor().post('/api/leads', body)).statusCode).toBe(201);
    const [row] = await leadRows(body.email as string);
    expect(row).toMatchObject({ plan_id: null, company: null, message: null });
  });

  it('remembers the signed-in requester', async () => {
    const requester = await signUpUser(app, { ip: '10.78.0.1' });
    const body = quote({ email: requester.email });
    expect((await requester.client.post('/api/leads', body)).statusCode).toBe(201);
    expect((await leadRows(requester.email))[0].user_id).toBe(requester.id);
  });

  it('answers missing and malformed fields with 400 and a message per field, storing nothing', async () => {
    const empty = await visitor().post('/api/leads', { kind: 'quote', name: ' ', email: 'not-an-email', phone: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { name: 'Enter your name.', email: 'Enter a valid email address.', phone: 'Enter your phone number.' },
    });

    for (const phone of ['36123456', '+0123456789', '+9733612', '+97336123456789012', '+973abc12345']) {
      const response = await visitor().post('/api/leads', quote({ phone }));
      expect(response.statusCode, phone).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual(['phone']);
    }

    const unknownKind = await visitor().post('/api/leads', quote({ kind: 'sale' }));
    expect(unknownKind.statusCode).toBe(400);
    const extraField = await visitor().post('/api/leads', quote({ status: 'closed' }));
    expect(extraField.statusCode).toBe(400);
    expect((await pool.query(`SELECT count(*)::int AS n FROM leads WHERE status <> 'new'`)).rows[0].n).toBe(0);
  });
});

describe('POST /api/leads: demo requests', () => {
  it('stores the preferred slot of a demo request', async () => {
    const preferredAt = inDays(3);
    const body = quote({ kind: 'demo', preferredAt });
    expect((await visitor().post('/api/leads', body)).statusCode).toBe(201);
    const [row] = await leadRows(body.email as string);
    expect(row.kind).toBe('demo');
    expect((row.preferred_at as Date).toISOString()).toBe(preferredAt);
  });

  it('accepts a slot written with a time-zone offset', async () => {
    const at = new Date(Date.now() + 5 * 24 * HOUR);
    at.setUTCSeconds(0, 0);
    const local = new Date(at.getTime() + 3 * HOUR).toISOString().replace('.000Z', '+03:00');
    const body = quote({ kind: 'demo', preferredAt: local });
    expect((await visitor().post('/api/leads', body)).statusCode).toBe(201);
    expect(((await leadRows(body.email as string))[0].preferred_at as Date).toISOString()).toBe(at.toISOString());
  });

  it.each([
    ['missing', undefined, 'Choose a preferred date and time.'],
    ['in the past', new Date(Date.now() - HOUR).toISOString(), 'Choose a date and time in the future.'],
    ['more than a year ahead', inDays(400), 'Choose a date within the next 12 months.'],
    ['not a date', 'next tuesday', 'Enter a valid date and time.'],
  ])('refuses a demo request whose slot is %s', async (_case, preferredAt, message) => {
    const body = quote({ kind: 'demo', ...(preferredAt ? { preferredAt } : {}) });
    const response = await visitor().post('/api/leads', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ preferredAt: message });
    expect(await leadRows(body.email as string)).toHaveLength(0);
  });

  it('ignores a slot sent with a quote request', async () => {
    const body = quote({ preferredAt: inDays(2) });
    expect((await visitor().post('/api/leads', body)).statusCode).toBe(201);
    expect((await leadRows(body.email as string))[0].preferred_at).toBeNull();
  });
});

describe('spam protection', () => {
  it('answers a filled honeypot like a success but stores and notifies nothing', async () => {
    const notificationsBefore = (await pool.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n;
    const body = quote({ website: 'http://spam.example' });
    const response = await visitor().post('/api/leads', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ ok: true });
    expect(await leadRows(body.email as string)).toHaveLength(0);
    expect((await pool.query(`SELECT count(*)::int AS n FROM notifications`)).rows[0].n).toBe(notificationsBefore);
  });

  it('allows 5 requests per IP per hour, then answers 429 RATE_LIMITED with Retry-After', async () => {
    const client = visitor();
    for (let i = 0; i < 5; i += 1) expect((await client.post('/api/leads', quote())).statusCode).toBe(201);
    const body = quote();
    const refused = await client.post('/api/leads', body);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await leadRows(body.email as string)).toHaveLength(0);
    // Another address is not affected.
    expect((await visitor().post('/api/leads', quote())).statusCode).toBe(201);
  });

  it('allows 3 requests per email per hour, whatever the address', async () => {
    const email = uniqueEmail('flood');
    for (let i = 0; i < 3; i += 1) expect((await visitor().post('/api/leads', quote({ email }))).statusCode).toBe(201);
    const refused = await visitor().post('/api/leads', quote({ email: email.toUpperCase() }));
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(await leadRows(email)).toHaveLength(3);
  });

  it('starts a fresh window once the hour is over', async () => {
    const client = visitor();
    for (let i = 0; i < 5; i += 1) await client.post('/api/leads', quote());
    expect((await client.post('/api/leads', quote())).statusCode).toBe(429);
    await pool.query(`UPDATE lead_throttle SET window_started_at = now() - interval '61 minutes' WHERE key = $1`, [`ip:${client.ip}`]);
    expect((await client.post('/api/leads', quote())).statusCode).toBe(201);
  });
});

describe('notifying the admins', () => {
  it('creates one notification per active admin, none for users or banned admins, and emails each admin', async () => {
    const body = quote({ kind: 'demo', name: 'Omar Khalid', preferredAt: inDays(1), planId: enterpriseId });
    expect((await visitor().post('/api/leads', body)).statusCode).toBe(201);
    const [lead] = await leadRows(body.email as string);
    const { rows } = await pool.query(`SELECT user_id, kind, title, body, link, read_at FROM notifications WHERE link = $1`, [
      `/admin/leads?id=${lead.id}`,
    ]);
    expect(rows.map((row) => row.user_id).sort()).toEqual([admin.id, secondAdmin.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ kind: 'lead.created', title: 'New demo request from Omar Khalid', read_at: null });
      expect(row.body).toContain('Enterprise plan');
    }
    expect(rows.some((row) => row.user_id === user.id || row.user_id === bannedAdmin.id)).toBe(false);

    // Without SMTP_URL the mailer logs each email (to and subject only: the body holds contact details).
    await vi.waitFor(() => {
      const mails = logLines
        .map((line) => line.mail as { to: string; subject: string } | undefined)
        .filter((mail) => mail?.subject === 'New demo request from Omar Khalid');
      expect(mails.map((mail) => mail!.to).sort()).toEqual([admin.email, secondAdmin.email].sort());
    });
    expect(JSON.stringify(logLines)).not.toContain(body.phone as string);
  });

  it('titles a quote notification "New quote request from {name}"', async () => {
    const body = quote({ name: 'Sara Ali' });
    await visitor().post('/api/leads', body);
    const [lead] = await leadRows(body.email as string);
    const { rows } = await pool.query(`SELECT DISTINCT title FROM notifications WHERE link = $1`, [`/admin/leads?id=${lead.id}`]);
    expect(rows).toEqual([{ title: 'New quote request from Sara Ali' }]);
  });
});

describe('Admin → Leads', () => {
  type Listed = { items: { id: string; kind: string; status: string; name: string; email: string; plan: { name: string } | null; preferredAt: string | null }[]; total: number; page: number; pageSize: number };
  const list = async (query = '') => {
    const response = await admin.client.get(`/api/admin/leads${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Listed;
  };

  it('lists leads newest first with their plan name, paged', async () => {
    const first = quote({ name: 'Older Lead', planId: enterpriseId });
    const second = quote({ name: 'Newer Lead' });
    await visitor().post('/api/leads', first);
    await visitor().post('/api/leads', second);
    const page = await list('?pageSize=2');
    expect(page.items.map((item) => item.name)).toEqual(['Newer Lead', 'Older Lead']);
    expect(page.items[1]!.plan).toEqual({ id: enterpriseId, name: 'Enterprise' });
    expect(page.items[0]!.plan).toBeNull();
    expect(page.total).toBeGreaterThan(2);
    const next = await list('?pageSize=2&page=2');
    expect(next.items.map((item) => item.id)).not.toContain(page.items[0]!.id);
  });

  it('filters by kind, status and free text (name, email, phone, company, id)', async () => {
    const tag = `Acme${Date.now().toString(36)}`;
    const demo = quote({ kind: 'demo', preferredAt: inDays(4), company: tag, name: 'Demo Person', phone: '+447911123456' });
    await visitor().post('/api/leads', demo);
    const byCompany = await list(`?q=${tag.toLowerCase()}`);
    expect(byCompany.items.map((item) => item.email)).toEqual([demo.email]);
    expect(byCompany.items[0]!.preferredAt).toBe(demo.preferredAt);
    expect((await list(`?q=${encodeURIComponent('+447911123456')}`)).items.map((item) => item.email)).toEqual([demo.email]);
    expect((await list(`?q=${byCompany.items[0]!.id}`)).total).toBe(1);
    expect((await list(`?q=${tag}&kind=quote`)).total).toBe(0);
    expect((await list(`?q=${tag}&kind=demo&status=new`)).total).toBe(1);
    expect((await list(`?q=${tag}&status=contacted`)).total).toBe(0);
    expect((await list('?kind=demo')).items.every((item) => item.kind === 'demo')).toBe(true);
    expect((await admin.client.get('/api/admin/leads?status=maybe')).statusCode).toBe(400);
    expect((await list('?q=%25')).total).toBe(0);
  });

  it('updates status and notes, audits the change with from/to, and 404s an unknown lead', async () => {
    const body = quote({ name: 'To Contact' });
    await visitor().post('/api/leads', body);
    const [lead] = await leadRows(body.email as string);

    const contacted = await admin.client.request('PATCH', `/api/admin/leads/${lead.id}`, { status: 'contacted' });
    expect(contacted.statusCode, contacted.body).toBe(200);
    expect(contacted.json().lead).toMatchObject({ id: lead.id, status: 'contacted', notes: null });

    const noted = await admin.client.request('PATCH', `/api/admin/leads/${lead.id}`, { notes: '  Called, wants a call back Monday.  ' });
    expect(noted.json().lead).toMatchObject({ status: 'contacted', notes: 'Called, wants a call back Monday.' });
    const cleared = await admin.client.request('PATCH', `/api/admin/leads/${lead.id}`, { notes: '' });
    expect(cleared.json().lead.notes).toBeNull();

    const { rows } = await pool.query(`SELECT actor_id, target_type, target_label, meta FROM audit_log WHERE action = 'lead.update' AND target_id = $1 ORDER BY id`, [lead.id]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ actor_id: admin.id, target_type: 'lead', meta: { from: 'new', to: 'contacted' } });
    expect(rows[0].target_label).toContain(body.email);
    expect(rows[1].meta).toEqual({ notesChanged: true });
    expect(JSON.stringify(rows)).not.toContain('call back');

    // Saving the same values again changes nothing, so it records nothing.
    await admin.client.request('PATCH', `/api/admin/leads/${lead.id}`, { status: 'contacted' });
    expect((await pool.query(`SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1`, [lead.id])).rows[0].n).toBe(3);

    const unknown = await admin.client.request('PATCH', '/api/admin/leads/no-such-lead', { status: 'closed' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');
    expect((await admin.client.request('PATCH', `/api/admin/leads/${lead.id}`, {})).statusCode).toBe(400);
    expect((await admin.client.request('PATCH', `/api/admin/leads/${lead.id}`, { status: 'won' })).statusCode).toBe(400);
  });

  it('is for admins only: 403 for a user, 401 for a visitor', async () => {
    const [lead] = (await pool.query(`SELECT id, status FROM leads LIMIT 1`)).rows;
    const asUser = await user.client.get('/api/admin/leads');
    expect(asUser.statusCode).toBe(403);
    expect(asUser.json().error.code).toBe('FORBIDDEN');
    const patch = await user.client.request('PATCH', `/api/admin/leads/${lead.id}`, { status: 'closed' });
    expect(patch.statusCode).toBe(403);
    expect((await visitor().get('/api/admin/leads')).statusCode).toBe(401);
    expect((await pool.query(`SELECT status FROM leads WHERE id = $1`, [lead.id])).rows[0].status).toBe(lead.status);
  });
});
