import { errorBody } from '../../../contracts/errors';
import { planIdParams, pricingBody, pricingPlanBody } from '../../../contracts/plans';
import { findPricingForUser, listPricingForUser, listPublicPricing } from '../../features/plans/list-pricing';
import { requireUser } from '../access-guard';
import type { App, AppDeps } from '../app-deps';

export function pricingRoutes(app: App, { database }: AppDeps): void {
  // The same answer for every visitor, revalidated on each load so an unpublished plan disappears at once.
  app.get(
    '/api/pricing/public',
    { config: { access: 'public' }, schema: { tags: ['pricing'], response: { 200: pricingBody } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return { plans: await listPublicPricing(database.db) };
    },
  );

  app.get(
    '/api/pricing',
    { config: { access: 'pricing' }, schema: { tags: ['pricing'], response: { 200: pricingBody, 401: errorBody, 403: errorBody } } },
    async (request, reply) => {
      // Personal (current plan, own call to action): never stored by a shared cache.
      reply.header('cache-control', 'private, no-store');
      return { plans: await listPricingForUser(database, requireUser(request).id) };
    },
  );

  app.get(
    '/api/pricing/:id',
    {
      config: { access: 'pricing' },
      schema: {
        tags: ['pricing'],
        params: planIdParams,
        response: { 200: pricingPlanBody, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { plan: await findPricingForUser(database, requireUser(request).id, request.params.id) };
    },
  );
}
