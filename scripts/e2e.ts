import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../src/server/web-build';

// Browser tests run when Chromium is here; otherwise they are skipped with one loud line — unless CI or
// REQUIRE_E2E is set, where a missing browser fails the run.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const required = Boolean(process.env.CI || process.env.REQUIRE_E2E);

if (!existsSync(chromium)) {
  const line = `E2E BROWSER TESTS SKIPPED: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (required) {
    console.error(`${line} — failing because CI/REQUIRE_E2E is set`);
    process.exit(1);
  }
  console.warn(`\n!!! ${line} !!!\n`);
  process.exit(0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
await ensureWebBuild(root, { info: (m) => console.log(m) });
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
