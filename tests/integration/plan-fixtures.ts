import { expect } from 'vitest';
import type { Plan, PlanInput } from '../../src/contracts/plans';
import { USER_PAGES } from '../../src/domain/pages';
import type { TestClient } from '../support/test-app';

let counter = 0;

/** A complete, publishable paid plan; tests override what they are about. */
export function planInputFor(overrides: Partial<PlanInput> = {}): PlanInput {
  counter += 1;
  return {
    name: `Plan ${counter}`,
    currency: 'USD',
    monthlyPriceMinor: 1900,
    billingPeriod: 'monthly',
    requestType: 'paid',
    paypalPlanId: null,
    visibility: 'both',
    sortOrder: counter * 10,
    limits: { daily: 200, bulk: 1000, channels: 1, chatbots: 1 },
    pageAccess: Object.fromEntries(USER_PAGES.map((page) => [page, page !== 'bulk'])) as PlanInput['pageAccess'],
    features: ['1 WhatsApp number', '200 messages a day'],
    ...overrides,
  };
}

/** Creates a plan through the admin API (and publishes or archives it when asked). */
export async function createPlanAs(
  admin: TestClient,
  overrides: Partial<PlanInput> = {},
  status: Plan['status'] = 'draft',
): Promise<Plan> {
  const created = await admin.post('/api/admin/plans', planInputFor(overrides));
  expect(created.statusCode, created.body).toBe(201);
  let plan = created.json().plan as Plan;
  for (const action of status === 'published' ? ['publish'] : status === 'archived' ? ['archive'] : []) {
    const response = await admin.post(`/api/admin/plans/${plan.id}/${action}`);
    expect(response.statusCode, response.body).toBe(200);
    plan = response.json().plan as Plan;
  }
  return plan;
}
