import { AppError } from '../../app-error';
import { redact } from '../safe-text';

// What nodemailer reports when a send fails: `responseCode`/`response` when the mail server answered with an
// error (its own words), `code` such as ECONNECTION or ETIMEDOUT when it could not be reached at all.
interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

/**
 * A failed send, in our words, carrying the mail server's own text for the admin (STYLE.md "one adapter folder
 * per outside service"). `upstreamText` is that text alone, already scrubbed of the SMTP credentials.
 */
export class MailError extends AppError {
  constructor(
    message: string,
    readonly upstreamText: string,
    readonly rejected: boolean,
  ) {
    super(rejected ? 'UPSTREAM_REJECTED' : 'UPSTREAM_UNAVAILABLE', message);
    this.name = 'MailError';
  }
}

export function toMailError(error: unknown, secrets: readonly string[]): MailError {
  const failure = (error && typeof error === 'object' ? error : {}) as SmtpFailure;
  const answered = typeof failure.responseCode === 'number' && typeof failure.response === 'string';
  const raw = answered ? String(failure.response) : typeof failure.message === 'string' ? failure.message : String(error);
  const text = redact(raw.replace(/\s+/g, ' ').trim(), secrets).slice(0, 500);
  return answered
    ? new MailError(`The mail server refused the email: ${text}`, text, true)
    : new MailError(`Could not reach the mail server: ${text}`, text, false);
}
