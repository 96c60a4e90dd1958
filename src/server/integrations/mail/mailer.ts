import { createSmtpMailer, type MailRoute, type SmtpMailer } from './smtp-mailer';
import { fromOfSmtpUrl } from './smtp-url';

/** The one door to outgoing email; only this folder knows how mail leaves the building (STYLE.md). */
export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}

export interface MailLog {
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
 * A mailer for one fixed configuration: SMTP when a URL is given (e.g.
 * `smtps://user:pass@smtp.example.com:465/?from=OmniPlus%20<no-reply@example.com>`), otherwise log only.
 */
export function createMailer(smtpUrl: string | undefined, log: MailLog): Mailer {
  if (!smtpUrl) return createLogMailer(log);
  return createSmtpMailer({ smtpUrl, from: fromOfSmtpUrl(smtpUrl) }, log);
}

/**
 * A mailer whose route is looked up for every send, so that Admin → Settings → Email takes effect without a
 * restart. `resolve` answers null while no SMTP server is configured (log only). The transport of the last
 * route is kept and replaced when the route changes.
 */
export function createResolvingMailer(resolve: () => Promise<MailRoute | null>, log: MailLog): Mailer {
  const logOnly = createLogMailer(log);
  let current: { key: string; mailer: SmtpMailer } | null = null;
  return {
    async send(to, subject, text) {
      const route = await resolve();
      if (!route) return logOnly.send(to, subject, text);
      const key = `${route.smtpUrl}\n${route.from}`;
      if (current?.key !== key) {
        current?.mailer.close();
        current = { key, mailer: createSmtpMailer(route, log) };
      }
      return current.mailer.send(to, subject, text);
    },
  };
}
