import { createTransport } from 'nodemailer';
/** The one door to outgoing email; only this folder knows how mail leaves the building (STYLE.md). */
export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}

interface MailLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Without SMTP, notifications stay in-app and each email is only logged (ARCHITECTURE.md "mail"). The body is
 * left out of the log line: it carries the requester's contact details.
 */
export function createLogMailer(log: MailLog): Mailer {
  return {
    async send(to, subject, text) {
      log.info({ mail: { to, subject, chars: text.length } }, 'email not sent: SMTP is not configured (log only)');
    },
  };
}

/**
 * The mailer for this process's configuration: SMTP through nodemailer when SMTP_URL is set (e.g.
 * `smtps://user:pass@smtp.example.com:465/?from=OmniPlus%20<no-reply@example.com>`), otherwise log only.
 */
export function createMailer(smtpUrl: string | undefined, log: MailLog): Mailer {
  if (!smtpUrl) return createLogMailer(log);
  const url = new URL(smtpUrl);
  const from = url.searchParams.get('from') ?? `OmniPlus WA Tracker <no-reply@${url.hostname}>`;
  // Timeouts keep a slow mail server from holding a request or a job for long.
  const secure = url.protocol === 'smtps:';
  const transport = createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    async send(to, subject, text) {
      await transport.sendMail({ from, to, subject, text });
      log.info({ mail: { to, subject } }, 'email sent');
    },
  };
}
