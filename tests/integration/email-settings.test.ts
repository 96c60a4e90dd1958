import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_TEST_SUBJECT } from '../../src/contracts/settings';
import { findFreePort } from '../../src/server/db/embedded';
import { createSettingsMailer } from '../../src/server/features/email-settings/settings-mailer';
import { startSmtpServer, type ReceivedMail } from '../support/smtp-server';
import { signUpAdmin, signUpUser, startTestApp, TestClient, uniqueEmail } from '../support/test-app';

// Admin → Settings → Email (issue 5) against real SMTP servers on 127.0.0.1: the settings round trip, the test
// email, the mail server's own refusal, SMTP_URL as the fallback, and notifications following the settings at
// runtime. The SMTP password must never come back out: not in a response, a log line, an audit row or the row.
const SMTP_USER = 'omniplus-mailer';
const SMTP_PASSWORD = 'Smtp-Pa55word-that-must-never-leak';
const FROM = 'OmniPlus Alerts <alerts@omniplus.test>';

const lines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});

const smtp = await startSmtpServer({ auth: { user: SMTP_USER, pass: SMTP_PASSWORD } });
const envSmtp = await startSmtpServer();
const testApp = await startTestApp({ logStream, env: { LOG_LEVEL: 'trace' } });
const envApp = await startTestApp({ env: { SMTP_URL: `${envSmtp.url}/?from=Env%20Sender%20%3Cenv%40omniplus.test%3E` } });
afterAll(async () => {
  await smtp.close();
  await envSmtp.close();
});
const { app } = testApp;
const pool = testApp.database.pool;

let admin: Awaited<ReturnType<typeof signUpAdmin>>;
let envAdmin: Awaited<ReturnType<typeof signUpAdmin>>;
let user: Awaited<ReturnType<typeof signUpUser>>;
/** Every response body this file received, checked for the password at the end. */
const bodies: string[] = [];

beforeAll(async () => {
  admin = await signUpAdmin(testApp);
  envAdmin = await signUpAdmin(envApp);
  user = await signUpUser(app, { name: 'Plain User' });
});

async function call(client: TestClient, method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown) {
  const response = await client.request(method, url, body ?? (method === 'GET' ? undefined : {}));
  bodies.push(response.body);
  return response;
}
const settings = async (client = admin.client) => (await call(client, 'GET', '/api/admin/settings/email')).json();
const save = (body: unknown, client = admin.client) => call(client, 'PUT', '/api/admin/settings/email', body);
const sendTest = (body: unknown = {}, client = admin.client) => call(client, 'POST', '/api/admin/settings/email/test', body);

async function auditRows(action: string) {
  return (await pool.query(`SELECT actor_id, target_type, target_id, meta FROM audit_log WHERE action = $1 ORDER BY created_at, id`, [action])).rows;
}

const isTestTo = (to: string) => (mail: ReceivedMail) => mail.subject === EMAIL_TEST_SUBJECT && mail.envelope.to.includes(to);

let ipCounter = 0;
async function requestQuote(name: string) {
  ipCounter += 1;
  const visitor = new TestClient(app, `10.88.0.${ipCounter}`);
  const response = await visitor.post('/api/leads', { kind: 'quote', name, email: uniqueEmail('lead'), phone: '+97336123456' });
  expect(response.statusCode, response.body).toBe(201);
}

describe('email settings before anything is configured', () => {
  it('says so, and refuses a test email without recording anything', async () => {
    expect(await settings()).toEqual({
      configured: false,
      source: 'none',
      smtpDisplay: null,
      fromAddress: null,
      lastTestAt: null,
      lastTestError: null,
    });
    const test = await sendTest();
    expect(test.statusCode).toBe(409);
    expect(test.json().error).toMatchObject({ code: 'CONFLICT', message: 'Email is not configured yet. Save an SMTP URL first.' });
    expect(await auditRows('email.test')).toEqual([]);
  });

  it('keeps notification emails in the log only (no SMTP server is asked)', async () => {
    await testApp.services.mailer.send(admin.email, 'Nothing configured', 'body');
    expect(smtp.messages).toHaveLength(0);
  });
});

describe('validation', () => {
  it.each([
    ['http://mail.example.com', 'smtp://'],
    ['smtp://', "needs the mail server's host name"],
    ['mail.example.com:25', 'smtp://'],
    ['smtp://mail.example.com:25/inbox', 'Remove everything after the host and port'],
    ['smtp://mail.example.com:25/?from=x@y.z', 'Remove everything after the host and port'],
    ['smtp://mail.example.com:99999', 'not a valid URL'],
  ])('refuses the SMTP URL %s with a field message', async (smtpUrl, words) => {
    const response = await save({ smtpUrl, fromAddress: FROM });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.smtpUrl).toContain(words);
  });

  it.each(['nobody', 'Name <not-an-email>', 'Bad, Name <a@example.com>', '"Quoted" <a@example.com>', ' <a@example.com>', 'a@example.com\r\nBcc: x@y.z'])(
    'refuses the from-address %j',
    async (fromAddress) => {
      const response = await save({ smtpUrl: smtp.url, fromAddress });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.fromAddress).toBeDefined();
    },
  );

  it('requires a from-address, refuses unknown keys and a bad test recipient, and saves nothing', async () => {
    expect((await save({ smtpUrl: smtp.url })).json().error.fields.fromAddress).toBeDefined();
    expect((await save({ smtpUrl: smtp.url, fromAddress: FROM, password: 'x' })).statusCode).toBe(400);
    const badTo = await sendTest({ to: 'not-an-email' });
    expect(badTo.statusCode).toBe(400);
    expect(badTo.json().error.fields.to).toBe('Enter a valid email address.');
    expect((await settings()).source).toBe('none');
    expect(await auditRows('email.settings_update')).toEqual([]);
  });
});

describe('saving the SMTP server', () => {
  it('stores the URL sealed, shows it without credentials and audits the change without them', async () => {
    const response = await save({ smtpUrl: smtp.url, fromAddress: FROM });
    expect(response.statusCode, response.body).toBe(200);
    const expected = {
      configured: true,
      source: 'settings',
      smtpDisplay: `smtp://127.0.0.1:${smtp.port}`,
      fromAddress: FROM,
      lastTestAt: null,
      lastTestError: null,
    };
    expect(response.json()).toEqual(expected);
    expect(await settings()).toEqual(expected);
    expect(response.body).not.toContain(SMTP_USER);

    const { rows } = await pool.query(`SELECT * FROM email_settings`);
    expect(rows).toHaveLength(1);
    expect(rows[0].smtp_url_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain(SMTP_PASSWORD);
    expect(rows[0].updated_by).toBe(admin.id);

    const audit = await auditRows('email.settings_update');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: admin.id,
      target_type: 'settings',
      target_id: 'email',
      meta: {
        changed: ['smtpUrl:replaced', 'fromAddress'],
        before: { smtpDisplay: null, fromAddress: null },
        after: { smtpDisplay: `smtp://127.0.0.1:${smtp.port}`, fromAddress: FROM },
      },
    });
  });

  it('keeps the stored URL when only the from-address is sent, and audits only real changes', async () => {
    const renamed = await save({ fromAddress: 'alerts@omniplus.test' });
    expect(renamed.json()).toMatchObject({ source: 'settings', smtpDisplay: `smtp://127.0.0.1:${smtp.port}`, fromAddress: 'alerts@omniplus.test' });
    await save({ smtpUrl: smtp.url, fromAddress: FROM });
    await save({ smtpUrl: smtp.url, fromAddress: FROM });
    const audit = await auditRows('email.settings_update');
    expect(audit.map((row) => row.meta.changed)).toEqual([['smtpUrl:replaced', 'fromAddress'], ['fromAddress'], ['fromAddress']]);
  });
});

describe('the test email', () => {
  it('arrives at the admin by default, from the saved sender, signed in with the saved credentials', async () => {
    const response = await sendTest();
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ ok: true, sentTo: admin.email, settings: { source: 'settings', lastTestError: null } });
    expect(Date.parse(body.settings.lastTestAt)).toBeGreaterThan(Date.now() - 60_000);

    const mail = await smtp.waitFor(isTestTo(admin.email));
    expect(mail.headers.from).toBe(FROM);
    expect(mail.headers.to).toBe(admin.email);
    expect(mail.subject).toBe('OmniPlus WA Tracker test email');
    expect(mail.envelope.from).toBe('alerts@omniplus.test');
    expect(mail.user).toBe(SMTP_USER);
    expect(mail.text).toContain('If you can read it, email notifications are working.');
  });

  it('goes to another address when one is given, and each test is audited', async () => {
    const response = await sendTest({ to: 'Ops@Example.com' });
    expect(response.json()).toMatchObject({ ok: true, sentTo: 'ops@example.com' });
    await smtp.waitFor(isTestTo('ops@example.com'));
    const audit = await auditRows('email.test');
    expect(audit.map((row) => row.meta)).toEqual([
      { to: admin.email, smtpDisplay: `smtp://127.0.0.1:${smtp.port}`, ok: true },
      { to: 'ops@example.com', smtpDisplay: `smtp://127.0.0.1:${smtp.port}`, ok: true },
    ]);
    expect(audit.every((row) => row.actor_id === admin.id)).toBe(true);
  });

  it('answers 502 with the mail server’s own words when it refuses, and records the failure', async () => {
    smtp.rejectWith({ code: 550, message: '5.7.1 Relaying denied by the test server' });
    try {
      const response = await sendTest({ to: 'refused@example.com' });
      expect(response.statusCode).toBe(502);
      expect(response.json().error.code).toBe('UPSTREAM_REJECTED');
      expect(response.json().error.message).toContain('550 5.7.1 Relaying denied by the test server');
    } finally {
      smtp.rejectWith(null);
    }
    const after = await settings();
    expect(after.lastTestError).toContain('550 5.7.1 Relaying denied by the test server');
    expect(Date.parse(after.lastTestAt)).toBeGreaterThan(Date.now() - 60_000);
    const audit = await auditRows('email.test');
    expect(audit.at(-1)!.meta).toMatchObject({ to: 'refused@example.com', ok: false, error: expect.stringContaining('Relaying denied') });
    expect(smtp.messages.some((mail) => mail.envelope.to.includes('refused@example.com'))).toBe(false);
  });

  it('shows the server’s refusal of wrong credentials without repeating them', async () => {
    const wrong = 'Wrong-Pa55word-also-secret';
    await save({ smtpUrl: `smtp://${SMTP_USER}:${wrong}@127.0.0.1:${smtp.port}`, fromAddress: FROM });
    // A new server forgets the last test result, which was about the old one.
    expect(await settings()).toMatchObject({ lastTestAt: null, lastTestError: null });
    const response = await sendTest();
    expect(response.statusCode).toBe(502);
    expect(response.json().error.message).toContain('535 5.7.8 Authentication credentials invalid');
    expect(response.body).not.toContain(wrong);
    expect(JSON.stringify(await auditRows('email.test'))).not.toContain(wrong);
    expect(lines.join('')).not.toContain(wrong);
  });

  it('answers 503 when the mail server cannot be reached', async () => {
    const closedPort = await findFreePort();
    await save({ smtpUrl: `smtp://127.0.0.1:${closedPort}`, fromAddress: FROM });
    const response = await sendTest();
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: expect.stringContaining('Could not reach the mail server') });
    expect((await settings()).lastTestError).toContain('ECONNREFUSED');
  });
});

describe('notifications follow the settings at runtime', () => {
  it('sends a lead notification through the SMTP server saved a moment ago, with no restart', async () => {
    // Before: nothing reaches the server (the mailer has just been asked and remembers "not reachable" briefly).
    await save({ smtpUrl: '', fromAddress: FROM });
    expect((await settings()).source).toBe('none');
    await requestQuote('Before Settings');
    const countBefore = smtp.messages.length;

    await save({ smtpUrl: smtp.url, fromAddress: FROM });
    await requestQuote('Huda Saleh');
    const mail = await smtp.waitFor((m) => m.subject === 'New quote request from Huda Saleh' && m.envelope.to.includes(admin.email));
    expect(mail.headers.from).toBe(FROM);
    expect(mail.text).toContain('Name: Huda Saleh');
    expect(smtp.messages.slice(countBefore).some((m) => m.subject.includes('Before Settings'))).toBe(false);
  });

  it('stops using the server as soon as the URL is cleared (log only without SMTP_URL)', async () => {
    await testApp.services.mailer.send('someone@example.com', 'While configured', 'x');
    await smtp.waitFor((m) => m.subject === 'While configured');
    await save({ smtpUrl: '', fromAddress: FROM });
    const count = smtp.messages.length;
    await testApp.services.mailer.send('someone@example.com', 'After clearing', 'x');
    expect(smtp.messages.length).toBe(count);
    expect(await auditRows('email.settings_update')).toEqual(
      expect.arrayContaining([expect.objectContaining({ meta: expect.objectContaining({ changed: ['smtpUrl:cleared'] }) })]),
    );
  });
});

describe('SMTP_URL from the environment', () => {
  it('is the fallback: shown as the source, with its ?from= sender, and used for test emails and notifications', async () => {
    expect(await settings(envAdmin.client)).toEqual({
      configured: true,
      source: 'environment',
      smtpDisplay: `smtp://127.0.0.1:${envSmtp.port}`,
      fromAddress: 'Env Sender <env@omniplus.test>',
      lastTestAt: null,
      lastTestError: null,
    });
    expect((await sendTest({}, envAdmin.client)).statusCode).toBe(200);
    const mail = await envSmtp.waitFor(isTestTo(envAdmin.email));
    expect(mail.headers.from).toBe('Env Sender <env@omniplus.test>');
    await envApp.services.mailer.send('env-user@example.com', 'Env notification', 'x');
    await envSmtp.waitFor((m) => m.subject === 'Env notification');
  });

  it('gives way to a saved server, and comes back with the saved sender when the saved URL is cleared', async () => {
    await save({ smtpUrl: smtp.url, fromAddress: FROM }, envAdmin.client);
    expect((await settings(envAdmin.client)).source).toBe('settings');
    await envApp.services.mailer.send('routed@example.com', 'Routed to settings', 'x');
    await smtp.waitFor((m) => m.subject === 'Routed to settings');
    expect(envSmtp.messages.some((m) => m.subject === 'Routed to settings')).toBe(false);

    const cleared = await save({ smtpUrl: '', fromAddress: 'Runtime Sender <runtime@omniplus.test>' }, envAdmin.client);
    expect(cleared.json()).toMatchObject({ source: 'environment', smtpDisplay: `smtp://127.0.0.1:${envSmtp.port}`, fromAddress: 'Runtime Sender <runtime@omniplus.test>' });
    await envApp.services.mailer.send('back@example.com', 'Back to environment', 'x');
    const mail = await envSmtp.waitFor((m) => m.subject === 'Back to environment');
    expect(mail.headers.from).toBe('Runtime Sender <runtime@omniplus.test>');
  });
});

describe('access', () => {
  it('refuses every email settings route to a user (403) and to a visitor (401)', async () => {
    const anonymous = new TestClient(app);
    for (const [method, url, body] of [
      ['GET', '/api/admin/settings/email', undefined],
      ['PUT', '/api/admin/settings/email', { smtpUrl: smtp.url, fromAddress: FROM }],
      ['POST', '/api/admin/settings/email/test', { to: 'x@example.com' }],
    ] as const) {
      const asUser = await call(user.client, method, url, body);
      expect(asUser.statusCode, `${method} ${url}`).toBe(403);
      expect(asUser.json().error.code).toBe('FORBIDDEN');
      expect((await call(anonymous, method, url, body)).statusCode).toBe(401);
    }
    expect((await settings()).source).toBe('none');
  });
});

describe('the SMTP password (QUALITY K1, K2)', () => {
  it('appears in no response, no log line, no audit row and nowhere in the settings row', async () => {
    // Through the notification mailer too, with a log that keeps everything it is given.
    const captured: string[] = [];
    const keep = (obj: object, msg: string) => void captured.push(JSON.stringify(obj), msg);
    await save({ smtpUrl: smtp.url, fromAddress: FROM });
    const mailer = createSettingsMailer({ db: testApp.database.db, box: testApp.services.box, envSmtpUrl: undefined, log: { info: keep, warn: keep } });
    await mailer.send('logged@example.com', 'Logged send', 'x');
    await smtp.waitFor((m) => m.subject === 'Logged send');

    expect(lines.length).toBeGreaterThan(20);
    expect(captured.join('\n')).toContain('logged@example.com');
    for (const text of [bodies.join('\n'), lines.join(''), captured.join('\n')]) expect(text).not.toContain(SMTP_PASSWORD);
    const stored = await pool.query(`SELECT (SELECT json_agg(e) FROM email_settings e) AS settings, (SELECT json_agg(a) FROM audit_log a) AS audit`);
    expect(JSON.stringify(stored.rows)).not.toContain(SMTP_PASSWORD);
    expect(JSON.stringify(stored.rows)).not.toContain(SMTP_USER);
  });
});
