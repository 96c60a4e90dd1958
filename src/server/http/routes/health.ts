import { sql } from 'drizzle-orm';
import { healthBody } from '../../../contracts/health';
import type { App, AppDeps } from '../app-deps';

/** For load balancers: 200 only when the database answers. */
export function healthRoutes(app: App, { database }: AppDeps): void {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: healthBody, 503: healthBody } } },
    async (_request, reply) => {
      try {
        await database.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: 'unavailable' });
      }
    },
  );
}
