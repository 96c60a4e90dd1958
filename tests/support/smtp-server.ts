import { SMTPServer, type SMTPServerSession } from 'smtp-server';

// A real SMTP server on 127.0.0.1 for the tests (issue 5: emails are checked against a real server, not a stubbed
// transport). It keeps every message it accepts, can require a user name and password, and can be told to refuse
// mail with a given SMTP reply, the way a real server does.

export interface ReceivedMail {
  /** The SMTP envelope: who the client said it was sending for and to. */
  envelope: { from: string; to: string[] };
  /** Decoded header values by lower-case name (From, To, Subject, …). */
  headers: Record<string, string>;
  subject: string;
  text: string;
  raw: string;
  /** The user the client signed in as, when it did. */
  user: string | null;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** smtp://[user:pass@]127.0.0.1:port (with this server's credentials when it requires them). */
  url: string;
  messages: ReceivedMail[];
  /** Refuse every message at RCPT TO with this reply (e.g. 550 "5.7.1 Relaying denied"), or accept again with null. */
  rejectWith(reply: { code: number; message: string } | null): void;
  /** Resolves with the first message that matches, waiting for it up to `timeoutMs`. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  auth?: { user: string; pass: string };
}

// RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), which nodemailer uses for non-ASCII headers.
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export function parseMail(raw: string, envelope: ReceivedMail['envelope'], user: string | null): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const rawBody = split === -1 ? '' : raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(rawBody)
      : encoding === 'base64'
        ? Buffer.from(rawBody, 'base64').toString('utf8')
        : rawBody;
  return { envelope, headers, subject: headers.subject ?? '', text: text.replace(/\r\n/g, '\n').trimEnd(), raw, user };
}

export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let rejection: { code: number; message: string } | null = null;

  const server = new SMTPServer({
    // Plain SMTP on the loopback: no STARTTLS to negotiate, and AUTH allowed without TLS.
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.auth,
    logger: false,
    // nodemailer closes its connection after each message; nothing should keep close() waiting.
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
      }
    },
    onRcptTo(_address, _session, callback) {
      if (rejection) callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
      else callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        const envelope = { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r) => r.address) };
        messages.push(parseMail(Buffer.concat(chunks).toString('utf8'), envelope, typeof session.user === 'string' ? session.user : null));
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  const credentials = options.auth ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@` : '';

  return {
    host: '127.0.0.1',
    port,
    url: `smtp://${credentials}127.0.0.1:${port}`,
    messages,
    rejectWith(reply) {
      rejection = reply;
    },
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching email arrived within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
