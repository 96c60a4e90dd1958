import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { signUpAdmin, signUpUser, startTestApp, TestClient } from '../support/test-app';

// QUALITY K2: passwords and session tokens never reach a log line, even at the most verbose level.
const lines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const testApp = await startTestApp({ logStream, env: { LOG_LEVEL: 'trace' } });

describe('logs (QUALITY K2)', () => {
  it('never contain a password or a session token, on success or on failure', async () => {
    const password = 'a-very-distinctive-password-42';
    const user = await signUpUser(testApp.app, { password });
    await new TestClient(testApp.app).post('/api/auth/sign-in', { email: user.email, password: 'another-distinctive-guess-17' });
    await user.client.post('/api/me/password', { currentPassword: password, newPassword: 'the-next-distinctive-pass-99' });
    const admin = await signUpAdmin(testApp);
    await admin.client.post(`/api/admin/users/${user.id}/ban`, { reason: 'testing logs' });
    await user.client.get('/api/me');

    const tokens = [...user.client.cookies.values(), ...admin.client.cookies.values()].map((v) => decodeURIComponent(v));
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [password, 'another-distinctive-guess-17', 'the-next-distinctive-pass-99', ...tokens]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toContain(testApp.config.secretKey);
  });
});
