import { createTransport } from 'nodemailer';
import { toMailError } from './mail-error';
import type { Mailer, MailLog } from './mailer';
import { smtpConnection, smtpSecrets } from './smtp-url';

/** Where mail goes and who it comes from: everything a send needs besides the message. */
export interface MailRoute {
  smtpUrl: string;
  from: string;
}

export interface SmtpMailer extends Mailer {
  close(): void;
}

/**
 * Sends through one SMTP server. A failure becomes a MailError with the server's own words and never the
 * credentials; the log line names the recipient and subject only, since bodies carry personal details.
 */
export function createSmtpMailer(route: MailRoute, log: MailLog): SmtpMailer {
  const { host, port, secure, auth } = smtpConnection(route.smtpUrl);
  const secrets = smtpSecrets(route.smtpUrl);
  const transport = createTransport({
    host,
    port,
    secure,
    ...(auth ? { auth } : {}),
    // Timeouts keep a slow mail server from holding a request or a job for long.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    async send(to, subject, text) {
      try {
        await transport.sendMail({ from: route.from, to, subject, text });
      } catch (error) {
        throw toMailError(error, secrets);
      }
      log.info({ mail: { to, subject } }, 'email sent');
    },
    close: () => transport.close(),
  };
}
