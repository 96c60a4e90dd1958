import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../../tests/support/smtp-server';
import { findFreePort } from '../../db/embedded';
import { MailError } from './mail-error';
import { createMailer, createResolvingMailer } from './mailer';
import type { MailRoute } from './smtp-mailer';
import { fromOfSmtpUrl, smtpDisplay } from './smtp-url';

// The mail adapter against real SMTP servers on 127.0.0.1 (the smtp-server package), not a stubbed transport.
const PASSWORD = 'mailer-test-password-1234';
const server = await startSmtpServer({ auth: { user: 'mailer', pass: PASSWORD } });
const other = await startSmtpServer();
afterAll(async () => {
  await server.close();
  await other.close();
});

const quiet = { info: () => undefined, warn: () => undefined };

describe('mailer', () => {
  it('delivers through SMTP when SMTP_URL is set, signed in, from the address it names', async () => {
    const mailer = createMailer(`${server.url}/?from=OmniPlus%20%3Cno-reply%40omniplus.test%3E`, quiet);
    await mailer.send('admin@example.com', 'New quote request from Layla', 'Layla wants a quote.');
    const mail = await server.waitFor((m) => m.subject === 'New quote request from Layla');
    expect(mail.headers.to).toBe('admin@example.com');
    expect(mail.headers.from).toBe('OmniPlus <no-reply@omniplus.test>');
    expect(mail.user).toBe('mailer');
    expect(mail.text).toBe('Layla wants a quote.');
  });

  it('only logs, without the body, when SMTP is not configured', async () => {
    const lines: object[] = [];
    const mailer = createMailer(undefined, { info: (obj) => lines.push(obj), warn: () => undefined });
    await mailer.send('admin@example.com', 'Subject', 'private contact details');
    expect(JSON.stringify(lines)).toContain('admin@example.com');
    expect(JSON.stringify(lines)).not.toContain('private contact details');
  });

  it('asks for its route on every send: another server, another sender, or log only', async () => {
    let route: MailRoute | null = { smtpUrl: server.url, from: 'First <first@omniplus.test>' };
    const logged: string[] = [];
    const mailer = createResolvingMailer(async () => route, { info: (_obj, msg) => logged.push(msg), warn: () => undefined });
    await mailer.send('a@example.com', 'Route one', 'x');
    expect((await server.waitFor((m) => m.subject === 'Route one')).headers.from).toBe('First <first@omniplus.test>');

    route = { smtpUrl: other.url, from: 'Second <second@omniplus.test>' };
    await mailer.send('a@example.com', 'Route two', 'x');
    expect((await other.waitFor((m) => m.subject === 'Route two')).headers.from).toBe('Second <second@omniplus.test>');
    expect(server.messages.some((m) => m.subject === 'Route two')).toBe(false);

    route = null;
    await mailer.send('a@example.com', 'Route three', 'x');
    expect([...server.messages, ...other.messages].some((m) => m.subject === 'Route three')).toBe(false);
    expect(logged.at(-1)).toContain('log only');
  });

  it('turns a refusal into UPSTREAM_REJECTED with the server’s own words and never the password', async () => {
    server.rejectWith({ code: 554, message: `5.7.1 Spam suspected, password ${PASSWORD} noted` });
    try {
      const error = await createMailer(server.url, quiet).send('b@example.com', 'Refused', 'x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MailError);
      expect(error).toMatchObject({ code: 'UPSTREAM_REJECTED', status: 502, rejected: true });
      expect((error as MailError).message).toMatch(/^The mail server refused the email: 554 5\.7\.1 Spam suspected/);
      expect((error as MailError).message).not.toContain(PASSWORD);
    } finally {
      server.rejectWith(null);
    }
  });

  it('turns an unreachable server into UPSTREAM_UNAVAILABLE', async () => {
    const port = await findFreePort();
    const error = await createMailer(`smtp://127.0.0.1:${port}`, quiet).send('c@example.com', 'Nowhere', 'x').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503, rejected: false });
    expect((error as MailError).message).toContain('Could not reach the mail server');
  });
});

describe('SMTP URLs', () => {
  it('are shown without credentials, with the port a client would use', () => {
    expect(smtpDisplay('smtp://user:secret@mail.example.com:2525')).toBe('smtp://mail.example.com:2525');
    expect(smtpDisplay('smtps://user:secret@mail.example.com')).toBe('smtps://mail.example.com:465');
    expect(smtpDisplay('smtp://mail.example.com')).toBe('smtp://mail.example.com:587');
    expect(smtpDisplay('smtps://u:p@[::1]:465')).toBe('smtps://[::1]:465');
  });

  it('name their sender in ?from=, or no-reply at the host', () => {
    expect(fromOfSmtpUrl('smtp://mail.example.com/?from=Ops%20%3Cops%40example.com%3E')).toBe('Ops <ops@example.com>');
    expect(fromOfSmtpUrl('smtp://mail.example.com')).toBe('OmniPlus WA Tracker <no-reply@mail.example.com>');
  });
});
