import { z } from 'zod';
import { errorBody } from '../../../contracts/errors';
import { planBody, planIdParams, planInput, planList, reorderPlansBody } from '../../../contracts/plans';
import { createPlan } from '../../features/plans/create-plan';
import { duplicatePlan } from '../../features/plans/duplicate-plan';
import { listPlans } from '../../features/plans/list-plans';
import { reorderPlans } from '../../features/plans/reorder-plans';
import { PLAN_STATUS_ACTIONS, setPlanStatus } from '../../features/plans/set-plan-status';
import { updatePlan } from '../../features/plans/update-plan';
import type { App, AppDeps } from '../app-deps';
import { actorOf } from '../request-context';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const emptyBody = z.strictObject({}).nullish();
const plansPage = { config: { access: 'admin.plans' as const } };

export function adminPlanRoutes(app: App, { database }: AppDeps): void {
  const { db } = database;

  app.get(
    '/api/admin/plans',
    { ...plansPage, schema: { tags: ['admin'], response: { 200: planList, ...errors } } },
    async () => ({ plans: await listPlans(db) }),
  );

  app.post(
    '/api/admin/plans',
    { ...plansPage, schema: { tags: ['admin'], body: planInput, response: { 201: planBody, ...errors } } },
    async (request, reply) => {
      const plan = await createPlan(db, { actor: actorOf(request), input: request.body });
      return reply.status(201).send({ plan });
    },
  );

  // Registered before /:id so "order" is never read as a plan id (Fastify prefers the static path anyway).
  app.put(
    '/api/admin/plans/order',
    { ...plansPage, schema: { tags: ['admin'], body: reorderPlansBody, response: { 200: planList, ...errors } } },
    async (request) => ({ plans: await reorderPlans(db, { actor: actorOf(request), order: request.body.order }) }),
  );

  app.put(
    '/api/admin/plans/:id',
    {
      ...plansPage,
      schema: { tags: ['admin'], params: planIdParams, body: planInput, response: { 200: planBody, ...errors } },
    },
    async (request) => ({
      plan: await updatePlan(db, { actor: actorOf(request), planId: request.params.id, input: request.body }),
    }),
  );

  app.post(
    '/api/admin/plans/:id/duplicate',
    {
      ...plansPage,
      schema: { tags: ['admin'], params: planIdParams, body: emptyBody, response: { 201: planBody, ...errors } },
    },
    async (request, reply) => {
      const plan = await duplicatePlan(db, { actor: actorOf(request), planId: request.params.id });
      return reply.status(201).send({ plan });
    },
  );

  for (const action of PLAN_STATUS_ACTIONS) {
    app.post(
      `/api/admin/plans/:id/${action}`,
      {
        ...plansPage,
        schema: { tags: ['admin'], params: planIdParams, body: emptyBody, response: { 200: planBody, ...errors } },
      },
      async (request) => ({ plan: await setPlanStatus(db, { actor: actorOf(request), planId: request.params.id, action }) }),
    );
  }
}
