import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRET = 'a-secret-key-of-at-least-32-characters!!';
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omniplus-config-'));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('loadConfig accepted a bad environment');
}

describe('loadConfig', () => {
  it('lists every bad key at once, each with its name', () => {
    const problems = problemsOf({ PORT: 'abc', APP_URL: 'notaurl', SECRET_KEY: SECRET });
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('APP_URL:'))).toBe(true);
  });

  it('names every bad key in the message of the error', () => {
    expect(() => loadConfig({ ROLE: 'boss', LOG_LEVEL: 'loud', SECRET_KEY: SECRET })).toThrow(/ROLE[\s\S]*LOG_LEVEL/);
  });

  it('lists a missing ADMIN_EMAIL together with the other bad keys', () => {
    const problems = problemsOf({ PORT: 'abc', ADMIN_PASSWORD: 'long enough password', SECRET_KEY: SECRET });
    expect(problems.some((p) => p.startsWith('PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('ADMIN_EMAIL:'))).toBe(true);
  });

  it('refuses ADMIN_PASSWORD without ADMIN_EMAIL', () => {
    expect(problemsOf({ ADMIN_PASSWORD: 'long enough password', SECRET_KEY: SECRET })).toEqual([
      'ADMIN_EMAIL: required when ADMIN_PASSWORD is set',
    ]);
  });

  it('refuses a SECRET_KEY shorter than 32 characters', () => {
    expect(problemsOf({ SECRET_KEY: 'short' })).toEqual(['SECRET_KEY: must be at least 32 characters']);
  });

  it('falls back to the defaults: port 3000, role all, http://localhost:3000', () => {
    const config = loadConfig({ SECRET_KEY: SECRET, DATA_DIR: tempDir() });
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '0.0.0.0',
      role: 'all',
      appUrl: 'http://localhost:3000',
      logLevel: 'info',
      trustProxy: false,
      whapiPartnerUrl: 'https://manager.whapi.cloud',
      secretKey: SECRET,
    });
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', ROLE: '', APP_URL: '', SECRET_KEY: SECRET, DATA_DIR: tempDir() });
    expect(config).toMatchObject({ port: 3000, role: 'all', appUrl: 'http://localhost:3000' });
  });

  it('derives APP_URL from PORT, drops a trailing slash and lowercases ADMIN_EMAIL', () => {
    expect(loadConfig({ PORT: '8080', SECRET_KEY: SECRET }).appUrl).toBe('http://localhost:8080');
    const config = loadConfig({
      APP_URL: 'https://omniplus.example/',
      ADMIN_EMAIL: 'Boss@Example.COM',
      ADMIN_PASSWORD: 'long enough password',
      SECRET_KEY: SECRET,
    });
    expect(config.appUrl).toBe('https://omniplus.example');
    expect(config.adminEmail).toBe('boss@example.com');
  });

  it('generates SECRET_KEY into DATA_DIR/secret.key readable by the owner only, and reuses it', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secretKey);
    expect(loadConfig({ DATA_DIR: dataDir }).secretKey).toBe(first.secretKey);
  });

  it('reads an existing secret.key instead of replacing it', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'secret.key'), 'an-existing-secret-key-from-last-year-0123\n', { mode: 0o600 });
    expect(loadConfig({ DATA_DIR: dataDir }).secretKey).toBe('an-existing-secret-key-from-last-year-0123');
  });

  it('uses SECRET_KEY when given and writes no file', () => {
    const dataDir = tempDir();
    expect(loadConfig({ DATA_DIR: dataDir, SECRET_KEY: SECRET }).secretKey).toBe(SECRET);
    expect(() => statSync(join(dataDir, 'secret.key'))).toThrow();
  });
});
