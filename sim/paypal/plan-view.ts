import { isoSeconds } from './clock';
import type { SimContext } from './sim-context';
import type { PlanRecord } from './state';

/** The plan resource (NOTES §2). */

function planLinks(sim: SimContext, plan: PlanRecord) {
  const self = `${sim.baseUrl}/v1/billing/plans/${plan.id}`;
  const toggle = plan.status === 'ACTIVE' ? 'deactivate' : 'activate';
  return [
    { href: self, rel: 'self', method: 'GET' },
    { href: self, rel: 'edit', method: 'PATCH' },
    { href: `${self}/${toggle}`, rel: toggle, method: 'POST' },
  ];
}

export function toPlan(sim: SimContext, plan: PlanRecord) {
  const time = (ms: number) => isoSeconds(ms);
  return {
    id: plan.id,
    product_id: plan.productId,
    name: plan.name,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    status: plan.status,
    usage_type: 'LICENSED',
    billing_cycles: plan.billingCycles.map((cycle) => ({
      ...(cycle.pricing_scheme
        ? { pricing_scheme: { ...cycle.pricing_scheme, create_time: time(plan.createTime), update_time: time(plan.updateTime) } }
        : {}),
      frequency: cycle.frequency,
      tenure_type: cycle.tenure_type,
      sequence: cycle.sequence,
      total_cycles: cycle.total_cycles,
    })),
    payment_preferences: plan.paymentPreferences,
    ...(plan.taxes ? { taxes: plan.taxes } : {}),
    quantity_supported: plan.quantitySupported,
    create_time: time(plan.createTime),
    update_time: time(plan.updateTime),
    links: planLinks(sim, plan),
  };
}

/** `Prefer: return=minimal` (the default) and list items: the plan without its cycles and preferences. */
export function toMinimalPlan(sim: SimContext, plan: PlanRecord) {
  return {
    id: plan.id,
    product_id: plan.productId,
    name: plan.name,
    status: plan.status,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    usage_type: 'LICENSED',
    create_time: isoSeconds(plan.createTime),
    links: planLinks(sim, plan),
  };
}
