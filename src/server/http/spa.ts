import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from './app-deps';

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached. Unknown non-API GET paths are
 * answered with index.html by the not-found handler (error-handler.ts) so the client router shows the page.
 */
export async function registerSpa(app: App, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`the SPA is not built: ${webRoot}/index.html is missing`);
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    // Our own Cache-Control below; the plugin's default would overwrite it with max-age=0.
    cacheControl: false,
    setHeaders(res, path) {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
