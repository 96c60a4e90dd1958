import type { HandlerTable } from './api-dispatcher';
import { notFound, unprocessable } from './api-error';
import { newPlanId } from './ids';
import { checkBillingCycles } from './plan-rules';
import { toMinimalPlan, toPlan } from './plan-view';
import { wantsRepresentation } from './prefer-header';
import { findReplay, rememberRequest } from './request-ids';
import type { SimContext } from './sim-context';
import type { BillingCycle, Money, PlanRecord, PlanStatus } from './state';

/** The plan endpoints used at setup (NOTES §2): create, list, get, activate, deactivate. */

/** plan_request_POST after schema validation. */
export interface PlanRequest {
  product_id: string;
  name: string;
  description?: string;
  status?: PlanStatus;
  billing_cycles: (Omit<BillingCycle, 'total_cycles' | 'frequency' | 'pricing_scheme'> & {
    total_cycles?: number;
    frequency: { interval_unit: BillingCycle['frequency']['interval_unit']; interval_count?: number };
    pricing_scheme?: { fixed_price?: Money; pricing_model?: 'VOLUME' | 'TIERED'; tiers?: unknown[] };
  })[];
  payment_preferences: { auto_bill_outstanding?: boolean; setup_fee?: Money; setup_fee_failure_action?: 'CONTINUE' | 'CANCEL'; payment_failure_threshold?: number };
  taxes?: { percentage: string; inclusive?: boolean };
  quantity_supported?: boolean;
}

/** Fills the spec's defaults (interval_count 1, total_cycles 1, status ACTIVE, …) and applies the cycle rules. */
export function createPlan(sim: SimContext, request: PlanRequest, id = newPlanId()): PlanRecord {
  const billingCycles: BillingCycle[] = request.billing_cycles.map((cycle) => ({
    frequency: { interval_unit: cycle.frequency.interval_unit, interval_count: cycle.frequency.interval_count ?? 1 },
    tenure_type: cycle.tenure_type,
    sequence: cycle.sequence,
    total_cycles: cycle.total_cycles ?? 1,
    ...(cycle.pricing_scheme ? { pricing_scheme: { version: 1, ...cycle.pricing_scheme } } : {}),
  }));
  checkBillingCycles(billingCycles);
  const now = sim.clock.now();
  const preferences = request.payment_preferences;
  const plan: PlanRecord = {
    id,
    productId: request.product_id,
    name: request.name,
    description: request.description,
    status: request.status ?? 'ACTIVE',
    billingCycles,
    paymentPreferences: {
      auto_bill_outstanding: preferences.auto_bill_outstanding ?? true,
      ...(preferences.setup_fee ? { setup_fee: preferences.setup_fee } : {}),
      setup_fee_failure_action: preferences.setup_fee_failure_action ?? 'CANCEL',
      payment_failure_threshold: preferences.payment_failure_threshold ?? 0,
    },
    taxes: request.taxes ? { percentage: request.taxes.percentage, inclusive: request.taxes.inclusive ?? true } : undefined,
    quantitySupported: request.quantity_supported ?? false,
    createTime: now,
    updateTime: now,
  };
  sim.state.plans.set(plan.id, plan);
  return plan;
}

export function requirePlan(sim: SimContext, id: string): PlanRecord {
  const plan = sim.state.plans.get(id);
  if (!plan) throw notFound('id', id);
  return plan;
}

// The spec's own descriptions (plans.activate-422, plans.deactivate-422).
const STATUS_INVALID: Record<'activate' | 'deactivate', string> = {
  activate: 'Invalid plan status for activate action; plan status should be either created or inactive.',
  deactivate: 'Invalid plan status for deactivate action; plan status should be active.',
};

function setPlanStatus(sim: SimContext, plan: PlanRecord, action: 'activate' | 'deactivate'): void {
  const [to, allowedFrom]: [PlanStatus, PlanStatus[]] = action === 'activate' ? ['ACTIVE', ['CREATED', 'INACTIVE']] : ['INACTIVE', ['ACTIVE']];
  if (!allowedFrom.includes(plan.status)) throw unprocessable('PLAN_STATUS_INVALID', STATUS_INVALID[action]);
  plan.status = to;
  plan.updateTime = sim.clock.now();
}

const planView = (sim: SimContext, plan: PlanRecord, prefer: string | undefined) => (wantsRepresentation(prefer) ? toPlan(sim, plan) : toMinimalPlan(sim, plan));

export const planHandlers: HandlerTable = {
  'POST /v1/billing/plans': (sim, { body, headers }) => {
    const requestId = headers['paypal-request-id'];
    const replay = findReplay(sim, 'plans', requestId);
    if (replay) return { status: 200, body: planView(sim, requirePlan(sim, replay), headers.prefer) };
    const plan = createPlan(sim, body as PlanRequest);
    rememberRequest(sim, 'plans', requestId, plan.id);
    return { status: 201, body: planView(sim, plan, headers.prefer) };
  },
  'GET /v1/billing/plans': (sim, { query }) => {
    const ids = typeof query.plan_ids === 'string' ? new Set(query.plan_ids.split(',').map((id) => id.trim())) : undefined;
    const all = [...sim.state.plans.values()].filter((plan) => (!query.product_id || plan.productId === query.product_id) && (!ids || ids.has(plan.id)));
    const pageSize = (query.page_size as number | undefined) ?? 10;
    const page = (query.page as number | undefined) ?? 1;
    const items = all.slice((page - 1) * pageSize, page * pageSize);
    const self = `${sim.baseUrl}/v1/billing/plans?page_size=${pageSize}&page=${page}`;
    return {
      body: {
        plans: items.map((plan) => toMinimalPlan(sim, plan)),
        ...(query.total_required === true ? { total_items: all.length, total_pages: Math.ceil(all.length / pageSize) } : {}),
        links: [{ href: self, rel: 'self', method: 'GET' }],
      },
    };
  },
  'GET /v1/billing/plans/{id}': (sim, { params }) => ({ body: toPlan(sim, requirePlan(sim, params.id ?? '')) }),
  'POST /v1/billing/plans/{id}/activate': (sim, { params }) => {
    setPlanStatus(sim, requirePlan(sim, params.id ?? ''), 'activate');
    return { status: 204 };
  },
  'POST /v1/billing/plans/{id}/deactivate': (sim, { params }) => {
    setPlanStatus(sim, requirePlan(sim, params.id ?? ''), 'deactivate');
    return { status: 204 };
  },
};
