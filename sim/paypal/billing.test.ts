import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './test-support/scenario';
import { startWebhookReceiver, type WebhookReceiver } from './test-support/webhook-receiver';

let s: Scenario;
let receiver: WebhookReceiver;

beforeAll(async () => {
  s = await startScenario();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await s.sim.close();
  await receiver.close();
});
beforeEach(async () => {
  // let the previous test's deliveries land before forgetting them
  await s.client.control('GET', '/__sim/webhooks?settle=true');
  await s.reset();
  receiver.clear();
  await s.client.api('POST', '/v1/notifications/webhooks', { url: `${receiver.url}/paypal`, event_types: [{ name: '*' }] });
});
afterEach(async () => expect(await s.specProblems()).toEqual([]));

const get = async (id: string, query = '') => (await s.client.api('GET', `/v1/billing/subscriptions/${id}${query}`)).body;
const control = (id: string, action: string, body?: unknown) => s.client.control('POST', `/__sim/subscriptions/${id}/${action}`, body);
const settle = () => s.client.control('GET', '/__sim/webhooks?settle=true');

describe('renewals', () => {
  it('charges a new sale per cycle, counts cycles and moves next_billing_time one interval on', async () => {
    const subscription = await s.activeSubscription({ price: '12.50', interval_unit: 'WEEK', interval_count: 2 });
    const before = subscription.billing_info;
    const renewed = await control(subscription.id, 'renew');
    expect(renewed.status).toBe(200);
    expect(renewed.body.sale).toMatchObject({ state: 'completed', amount: { total: '12.50', currency: 'USD' }, billing_agreement_id: subscription.id });
    const after = (await get(subscription.id)).billing_info;
    expect(after.cycle_executions[0].cycles_completed).toBe(2);
    expect(Date.parse(after.next_billing_time) - Date.parse(before.next_billing_time)).toBe(14 * 86_400_000);
    expect(after.last_payment.amount).toEqual({ currency_code: 'USD', value: '12.50' });

    await settle();
    const sales = receiver.received.filter((hook) => hook.body.event_type === 'PAYMENT.SALE.COMPLETED');
    expect(sales).toHaveLength(2);
    expect(new Set(sales.map((hook) => hook.body.resource.id)).size).toBe(2);
    expect(sales[1]!.body).toMatchObject({
      resource_type: 'sale',
      summary: 'Payment completed for $ 12.5 USD',
      resource: { id: renewed.body.sale.id, billing_agreement_id: subscription.id, amount: { total: '12.50', currency: 'USD' } },
    });
  });

  it('runs a free trial before the paid cycles and sells nothing for it', async () => {
    const subscription = await s.activeSubscription({ trial: { interval_unit: 'WEEK', total_cycles: 1 } });
    expect(subscription.billing_info.cycle_executions).toEqual([
      expect.objectContaining({ tenure_type: 'TRIAL', sequence: 1, cycles_completed: 1, cycles_remaining: 0, total_cycles: 1 }),
      expect.objectContaining({ tenure_type: 'REGULAR', sequence: 2, cycles_completed: 0, total_cycles: 0 }),
    ]);
    expect(subscription.billing_info).not.toHaveProperty('last_payment');
    expect((await control(subscription.id, 'renew')).body.sale.amount.total).toBe('10.00');
    expect((await get(subscription.id)).billing_info.cycle_executions[1].cycles_completed).toBe(1);
  });

  it('expires after the last cycle of a finite plan', async () => {
    const subscription = await s.activeSubscription({ total_cycles: 2 });
    expect(subscription.billing_info.cycle_executions[0]).toMatchObject({ cycles_completed: 1, cycles_remaining: 1 });
    expect(subscription.billing_info.final_payment_time).toBe(subscription.billing_info.next_billing_time);
    await control(subscription.id, 'renew');
    const last = await control(subscription.id, 'renew');
    expect(last.body.sale).toBeNull();
    expect(last.body.subscription.status).toBe('EXPIRED');
    await settle();
    expect(receiver.eventTypes()).toContain('BILLING.SUBSCRIPTION.EXPIRED');
    expect((await control(subscription.id, 'renew')).status).toBe(422);
  });

  it('expires on demand', async () => {
    const subscription = await s.activeSubscription();
    expect((await control(subscription.id, 'expire')).body.subscription.status).toBe('EXPIRED');
    expect((await get(subscription.id)).links).toHaveLength(1);
  });

  it('lists its sales as transactions', async () => {
    const subscription = await s.activeSubscription();
    await control(subscription.id, 'renew');
    const listed = await s.client.api('GET', `/v1/billing/subscriptions/${subscription.id}/transactions?start_time=2000-01-01T00:00:00Z&end_time=2100-01-01T00:00:00Z`);
    expect(listed.body.transactions).toHaveLength(2);
    expect(listed.body.transactions[0]).toMatchObject({ status: 'COMPLETED', amount_with_breakdown: { gross_amount: { value: '10.00' }, fee_amount: { value: '0.59' }, net_amount: { value: '9.41' } } });
    expect((await s.client.api('GET', `/v1/billing/subscriptions/${subscription.id}/transactions`)).status).toBe(400);
  });
});

describe('payment failures', () => {
  it('counts a failure, adds it to the outstanding balance and reports BILLING.SUBSCRIPTION.PAYMENT.FAILED', async () => {
    const subscription = await s.activeSubscription();
    const failed = await control(subscription.id, 'fail-payment', { reason_code: 'PAYER_CANNOT_PAY' });
    expect(failed.body.subscription).toMatchObject({
      status: 'ACTIVE',
      billing_info: { failed_payments_count: 1, outstanding_balance: { value: '10.00' }, last_failed_payment: { amount: { value: '10.00' }, reason_code: 'PAYER_CANNOT_PAY' } },
    });
    expect((await get(subscription.id)).billing_info).not.toHaveProperty('last_failed_payment');
    expect((await get(subscription.id, '?fields=last_failed_payment')).billing_info.last_failed_payment.reason_code).toBe('PAYER_CANNOT_PAY');
    await settle();
    expect(receiver.eventTypes().at(-1)).toBe('BILLING.SUBSCRIPTION.PAYMENT.FAILED');

    // auto_bill_outstanding: the next successful charge collects the missed amount too, and resets the count
    expect((await control(subscription.id, 'renew')).body.sale.amount.total).toBe('20.00');
    expect((await get(subscription.id)).billing_info).toMatchObject({ failed_payments_count: 0, outstanding_balance: { value: '0.00' } });
  });

  it('suspends at payment_failure_threshold; activation is refused until the balance is captured', async () => {
    const subscription = await s.activeSubscription({ payment_failure_threshold: 2 });
    await control(subscription.id, 'fail-payment');
    const second = await control(subscription.id, 'fail-payment');
    expect(second.body.subscription).toMatchObject({ status: 'SUSPENDED', billing_info: { failed_payments_count: 2, outstanding_balance: { value: '20.00' } } });
    await settle();
    expect(receiver.eventTypes().slice(-2)).toEqual(['BILLING.SUBSCRIPTION.PAYMENT.FAILED', 'BILLING.SUBSCRIPTION.SUSPENDED']);

    const refused = await s.client.api('POST', `/v1/billing/subscriptions/${subscription.id}/activate`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].issue).toBe('SUBSCRIPTION_CANNOT_BE_ACTIVATED');

    const capture = (value: string) =>
      s.client.api('POST', `/v1/billing/subscriptions/${subscription.id}/capture`, { note: 'Balance', capture_type: 'OUTSTANDING_BALANCE', amount: { currency_code: 'USD', value } });
    expect((await capture('25.00')).body.details[0].issue).toBe('AMOUNT_GREATER_THAN_OUTSTANDING_BALANCE');
    const captured = await capture('20.00');
    expect(captured.status).toBe(200);
    expect(captured.body).toMatchObject({ status: 'COMPLETED', amount_with_breakdown: { gross_amount: { value: '20.00' } } });
    expect((await capture('1.00')).body.details[0].issue).toBe('ZERO_OUTSTANDING_BALANCE');
    expect((await s.client.api('POST', `/v1/billing/subscriptions/${subscription.id}/activate`, {})).status).toBe(204);
  });
});
