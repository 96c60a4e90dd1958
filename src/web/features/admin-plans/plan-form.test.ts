import { describe, expect, it } from 'vitest';
import { buildPlanInput, newPlanValues, previewPlan, type PlanFormValues } from './plan-form';

function values(patch: Partial<PlanFormValues> = {}): PlanFormValues {
  return { ...newPlanValues(1), name: 'Growth', limits: { daily: 1000, bulk: 5000, channels: 3, chatbots: -1 }, ...patch };
}

describe('plan editor values', () => {
  it('reads a typed price in the currency’s minor units (BHD has 3 decimals)', () => {
    const built = buildPlanInput(values({ currency: 'BHD', price: '12.500' }));
    expect(built.errors).toBeNull();
    expect(built.input?.monthlyPriceMinor).toBe(12500);
  });

  it('refuses more decimals than the currency has, on the price field', () => {
    const built = buildPlanInput(values({ currency: 'USD', price: '19.999' }));
    expect(built.input).toBeNull();
    expect(built.errors?.monthlyPriceMinor).toContain('Up to 2 decimals');
  });

  it('sends no price for quote and demo plans, whatever was typed before switching', () => {
    const built = buildPlanInput(values({ requestType: 'request_quote', price: '49.00' }));
    expect(built.input?.monthlyPriceMinor).toBeNull();
  });

  it('asks for every limit and accepts -1 as unlimited', () => {
    const built = buildPlanInput(values({ limits: { daily: '', bulk: 10, channels: -1, chatbots: 0 } }));
    expect(built.errors).toEqual({ 'limits.daily': 'Enter a whole number, or tick Unlimited.' });
  });

  it('points an empty feature at its own line', () => {
    const built = buildPlanInput(values({ features: ['Priority support', '  '] }));
    expect(Object.keys(built.errors ?? {})).toEqual(['features.1']);
  });

  it('previews the period charge as monthly price × months in the period', () => {
    const preview = previewPlan(values({ price: '19', billingPeriod: 'semi_annual' }), 'p1');
    expect(preview).toMatchObject({ monthlyPriceMinor: 1900, periodChargeMinor: 11400, periodDays: 180, isCurrent: false });
  });
});
