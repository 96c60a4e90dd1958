import { unprocessable } from './api-error';
import type { BillingCycle, Money, PaymentPreferences, PlanRecord, SubscriptionRecord } from './state';

/** The create request's `plan` (plan_override): per-subscription prices, cycle counts, payment preferences and
 *  taxes on top of the plan, matched by cycle `sequence`. The subscription keeps the result, so later plan changes
 *  don't reach it. */
export interface PlanOverride {
  billing_cycles?: { sequence: number; total_cycles?: number; pricing_scheme?: { fixed_price?: Money } }[];
  payment_preferences?: Partial<PaymentPreferences>;
  taxes?: { percentage?: string; inclusive?: boolean };
}

type Terms = Pick<SubscriptionRecord, 'billingCycles' | 'paymentPreferences' | 'taxes' | 'planOverridden'>;

export function termsFor(plan: PlanRecord, override: PlanOverride | undefined): Terms {
  const cycles: BillingCycle[] = plan.billingCycles.map((cycle) => structuredClone(cycle));
  for (const change of override?.billing_cycles ?? []) {
    const cycle = cycles.find((c) => c.sequence === change.sequence);
    if (!cycle) throw unprocessable('INVALID_BILLING_CYCLE_SEQUENCE', 'The provided billing cycle sequence is not available.', '/plan/billing_cycles');
    if (change.total_cycles !== undefined) cycle.total_cycles = change.total_cycles;
    const price = change.pricing_scheme?.fixed_price;
    if (price) {
      const planCurrency = cycle.pricing_scheme?.fixed_price?.currency_code;
      if (planCurrency && planCurrency !== price.currency_code) throw unprocessable('CURRENCY_MISMATCH', "The currency code is different from the plan's currency code.", '/plan/billing_cycles');
      cycle.pricing_scheme = { ...cycle.pricing_scheme, version: (cycle.pricing_scheme?.version ?? 0) + 1, fixed_price: price };
    }
  }
  const taxes = plan.taxes || override?.taxes ? { percentage: '0', inclusive: true, ...plan.taxes, ...override?.taxes } : undefined;
  return {
    billingCycles: cycles,
    paymentPreferences: { ...plan.paymentPreferences, ...override?.payment_preferences },
    taxes,
    planOverridden: override !== undefined,
  };
}
