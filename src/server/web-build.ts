import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src/web', 'src/contracts', 'src/domain', 'vite.config.ts'];

/**
 * `npm start` builds the SPA when dist/web is missing or older than its sources, so a fresh clone and a pull
 * both come up right; an up-to-date build costs only this scan.
 */
export async function ensureWebBuild(projectRoot: string, log: { info(msg: string): void }): Promise<string> {
  const outDir = join(projectRoot, 'dist/web');
  const index = join(outDir, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const newestSource = Math.max(...SOURCES.map((source) => newestMtime(join(projectRoot, source))));
  if (builtAt >= newestSource) return outDir;
  log.info(builtAt ? 'the web app changed; rebuilding it' : 'building the web app (first start)');
  const vite = await import('vite');
  await vite.build({ configFile: join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  return outDir;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}
