import { spawn } from 'node:child_process';

/** QUALITY P6: milliseconds from spawning `npm start`'s command to a healthy /api/health. */
export async function timeStartUp(env: Record<string, string>, port: number): Promise<number> {
  const started = Date.now();
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), APP_URL: `http://localhost:${port}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (healthy) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
