import { z } from 'zod';
import { PayPalError } from './api-error';
import { createPlan, type PlanRequest } from './plans';
import { createProduct } from './products';
import { toErrorDetails } from './request-validator';
import type { SimContext } from './sim-context';
import type { PlanRecord } from './state';

/** POST /__sim/plans: one call for a typical SaaS plan (optional trial, then a REGULAR cycle that repeats until
 *  cancelled unless total_cycles says otherwise), with a fixed id if you want one in config. The plan is built as a
 *  real plan_request_POST and checked against the spec like one. */
const Unit = z.enum(['DAY', 'WEEK', 'MONTH', 'YEAR']);
const Price = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().nonnegative().transform(String)]);
export const SeedPlanBody = z.object({
  id: z.string().min(3).max(50).optional(),
  product_id: z.string().min(6).max(50).optional(),
  name: z.string().min(1).max(127),
  description: z.string().min(1).max(127).optional(),
  interval_unit: Unit.default('MONTH'),
  interval_count: z.number().int().min(1).max(365).default(1),
  price: Price,
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  status: z.enum(['CREATED', 'INACTIVE', 'ACTIVE']).default('ACTIVE'),
  total_cycles: z.number().int().min(0).max(999).default(0),
  trial: z
    .object({ interval_unit: Unit.default('WEEK'), interval_count: z.number().int().min(1).max(365).default(1), total_cycles: z.number().int().min(1).max(999).default(1), price: Price.default('0') })
    .optional(),
  payment_failure_threshold: z.number().int().min(0).max(999).default(0),
  auto_bill_outstanding: z.boolean().default(true),
  quantity_supported: z.boolean().default(false),
});

function productFor(sim: SimContext, productId: string | undefined): string {
  if (productId && sim.state.products.has(productId)) return productId;
  return createProduct(sim, { id: productId, name: 'Simulated product', type: 'SERVICE' }).id;
}

export function seedPlan(sim: SimContext, seed: z.infer<typeof SeedPlanBody>): PlanRecord {
  if (seed.id && sim.state.plans.has(seed.id)) {
    throw new PayPalError(409, [{ field: '/id', value: seed.id, location: 'body', issue: 'DUPLICATE_RESOURCE_IDENTIFIER', description: 'A plan with this id already exists.' }]);
  }
  const fixedPrice = (value: string) => ({ fixed_price: { value, currency_code: seed.currency } });
  const trial = seed.trial && {
    frequency: { interval_unit: seed.trial.interval_unit, interval_count: seed.trial.interval_count },
    tenure_type: 'TRIAL' as const,
    sequence: 1,
    total_cycles: seed.trial.total_cycles,
    ...(Number(seed.trial.price) > 0 ? { pricing_scheme: fixedPrice(seed.trial.price) } : {}),
  };
  const request: PlanRequest = {
    product_id: productFor(sim, seed.product_id),
    name: seed.name,
    ...(seed.description ? { description: seed.description } : {}),
    status: seed.status,
    billing_cycles: [
      ...(trial ? [trial] : []),
      {
        frequency: { interval_unit: seed.interval_unit, interval_count: seed.interval_count },
        tenure_type: 'REGULAR',
        sequence: trial ? 2 : 1,
        total_cycles: seed.total_cycles,
        pricing_scheme: fixedPrice(seed.price),
      },
    ],
    payment_preferences: { auto_bill_outstanding: seed.auto_bill_outstanding, payment_failure_threshold: seed.payment_failure_threshold },
    quantity_supported: seed.quantity_supported,
  };
  const validate = sim.bundle.compile(sim.bundle.schema('billing', 'plan_request_POST'));
  if (!validate(request)) throw new PayPalError(400, toErrorDetails(validate.errors, 'body', request));
  return createPlan(sim, request, seed.id);
}
