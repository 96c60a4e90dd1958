import { describe, expect, it } from 'vitest';
import { wirePlan, wireSale, wireSubscription, wireToken, wireVerifyReply, wireWebhookEvent } from './schemas';
import { SUBSCRIPTION_ID, createdSample, planSample, subscriptionSample } from './test-support/paypal-samples';

// Lenient where it costs nothing (unknown fields, optional ones), strict on what we branch on (statuses, units).

describe('plan', () => {
  it('defaults interval_count to 1 as the spec does, and reads a plan without cycles', () => {
    const plan = wirePlan.parse(
      planSample({ billing_cycles: [{ frequency: { interval_unit: 'YEAR' }, tenure_type: 'REGULAR', sequence: 1 }], description: 'new field' }),
    );
    expect(plan.billingCycles).toEqual([{ tenureType: 'REGULAR', sequence: 1, totalCycles: null, frequency: { intervalUnit: 'YEAR', intervalCount: 1 }, price: null }]);
    expect(wirePlan.parse({ id: 'P-1', status: 'CREATED' })).toEqual({ id: 'P-1', name: null, status: 'CREATED', billingCycles: [] });
  });

  it('refuses statuses and units it does not know', () => {
    expect(wirePlan.safeParse(planSample({ status: 'ARCHIVED' })).success).toBe(false);
    expect(wirePlan.safeParse(planSample({ billing_cycles: [{ frequency: { interval_unit: 'FORTNIGHT' }, tenure_type: 'REGULAR' }] })).success).toBe(false);
  });
});

describe('subscription', () => {
  it('reads a minimal create reply (id, status, links only)', () => {
    const minimal = { id: SUBSCRIPTION_ID, status: 'APPROVAL_PENDING', links: createdSample().links };
    expect(wireSubscription.parse(minimal)).toMatchObject({ id: SUBSCRIPTION_ID, planId: null, customId: null, billingInfo: null, startTime: null });
  });

  it('accepts each of the six statuses and nothing else', () => {
    for (const status of ['APPROVAL_PENDING', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'CANCELLED', 'EXPIRED']) {
      expect(wireSubscription.parse(subscriptionSample({ status })).status).toBe(status);
    }
    expect(wireSubscription.safeParse(subscriptionSample({ status: 'active' })).success).toBe(false);
  });

  it('reads billing_info without last_payment (it can lag) and tolerates an unreadable date', () => {
    const sample = subscriptionSample();
    const { last_payment: _lag, ...billing } = sample.billing_info;
    const parsed = wireSubscription.parse({ ...sample, billing_info: { ...billing, next_billing_time: 'soon' }, start_time: null });
    expect(parsed.billingInfo).toMatchObject({ lastPayment: null, nextBillingTime: null, failedPaymentsCount: 0 });
    expect(parsed.startTime).toBeNull();
  });

  it('requires the fields we check before granting anything (NOTES §8.5)', () => {
    const sample = subscriptionSample();
    const { failed_payments_count: _count, ...billing } = sample.billing_info;
    expect(wireSubscription.safeParse({ ...sample, billing_info: billing }).success).toBe(false);
    expect(wireSubscription.safeParse({ ...sample, billing_info: { ...sample.billing_info, outstanding_balance: { value: '1.00' } } }).success).toBe(false);
  });
});

describe('token, verify reply, webhook envelope, sale', () => {
  it('reads the token reply and ignores its extra fields', () => {
    expect(wireToken.parse({ access_token: 'A21AA', token_type: 'Bearer', expires_in: 32400, app_id: 'APP-1', nonce: 'n', scope: 's' })).toMatchObject({
      access_token: 'A21AA',
      expires_in: 32400,
    });
    expect(wireToken.safeParse({ access_token: '', expires_in: 1 }).success).toBe(false);
  });

  it('reads only SUCCESS or FAILURE as a verdict', () => {
    expect(wireVerifyReply.parse({ verification_status: 'SUCCESS' }).verification_status).toBe('SUCCESS');
    expect(wireVerifyReply.safeParse({ verification_status: 'success' }).success).toBe(false);
  });

  it('reads the envelope and leaves the resource as it came', () => {
    const resource = { id: 'I-1', anything: [1, 2] };
    const event = wireWebhookEvent.parse({
      id: 'WH-1',
      event_version: '1.0',
      create_time: '2026-01-10T07:00:07.000Z',
      resource_type: 'subscription',
      event_type: 'BILLING.SUBSCRIPTION.ACTIVATED',
      resource,
    });
    expect(event).toEqual({ id: 'WH-1', eventType: 'BILLING.SUBSCRIPTION.ACTIVATED', resourceType: 'subscription', createTime: new Date('2026-01-10T07:00:07Z'), resource });
  });

  it('reads a v1 sale, with or without a billing agreement', () => {
    const sale = { id: '80021663DE681814L', state: 'completed', amount: { total: '10.00', currency: 'USD', details: { subtotal: '10.00' } }, billing_agreement_id: 'I-1' };
    expect(wireSale.parse(sale)).toEqual({ id: '80021663DE681814L', state: 'completed', amount: { total: '10.00', currency: 'USD' }, billingAgreementId: 'I-1', createTime: null });
    expect(wireSale.parse({ ...sale, billing_agreement_id: undefined }).billingAgreementId).toBeNull();
    expect(wireSale.safeParse({ ...sale, amount: { value: '10.00', currency_code: 'USD' } }).success).toBe(false);
  });
});
