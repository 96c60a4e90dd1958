import { createServer, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer';

// A minimal SMTP server on 127.0.0.1: enough of RFC 5321 for nodemailer to deliver one message to it.
const received: string[] = [];
const server = createServer((socket: Socket) => {
  let inData = false;
  let data = '';
  socket.write('220 localhost ESMTP test\r\n');
  socket.on('data', (chunk) => {
    for (const line of chunk.toString().split('\r\n')) {
      if (inData) {
        if (line === '.') {
          inData = false;
          received.push(data);
          data = '';
          socket.write('250 OK queued\r\n');
        } else data += `${line}\n`;
        continue;
      }
      const command = line.slice(0, 4).toUpperCase();
      if (command === 'EHLO' || command === 'HELO') socket.write('250-localhost\r\n250 AUTH PLAIN\r\n');
      else if (command === 'AUTH') socket.write('235 Authentication successful\r\n');
      else if (command === 'DATA') {
        inData = true;
        socket.write('354 End data with <CR><LF>.<CR><LF>\r\n');
      } else if (command === 'QUIT') socket.end('221 Bye\r\n');
      else if (line) socket.write('250 OK\r\n');
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const quiet = { info: () => undefined, warn: () => undefined };

describe('mailer', () => {
  it('delivers through SMTP when SMTP_URL is set, from the address it names', async () => {
    const mailer = createMailer(`smtp://user:secret@127.0.0.1:${port}/?from=OmniPlus%20%3Cno-reply%40omniplus.test%3E`, quiet);
    await mailer.send('admin@example.com', 'New quote request from Layla', 'Layla wants a quote.');
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('Subject: New quote request from Layla');
    expect(received[0]).toContain('To: admin@example.com');
    expect(received[0]).toContain('From: OmniPlus <no-reply@omniplus.test>');
    expect(received[0]).toContain('Layla wants a quote.');
  });

  it('only logs, without the body, when SMTP is not configured', async () => {
    const lines: object[] = [];
    const mailer = createMailer(undefined, { info: (obj) => lines.push(obj), warn: () => undefined });
    await mailer.send('admin@example.com', 'Subject', 'private contact details');
    expect(JSON.stringify(lines)).toContain('admin@example.com');
    expect(JSON.stringify(lines)).not.toContain('private contact details');
  });
});
