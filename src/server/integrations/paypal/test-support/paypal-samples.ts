import type { Scripted } from './scripted-server';

// Tests only: PayPal's shapes (NOTES §1, §6.2) and resources as the official OpenAPI examples show them.

export const CLIENT_ID = 'AaBbCcDdEeFfGgHhIiJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz0123456789-client';
export const CLIENT_SECRET = 'EKc9-sEcReT-0123456789-abcdefghijklmnopqrstuvwxyz-ZYXWVUTSRQPONM-s3cr';
export const WEBHOOK_ID = '1JE4291016473214C';

export const TOKEN_ROUTE = 'POST /v1/oauth2/token';

export function tokenReply(accessToken: string, expiresIn = 32_400): Scripted {
  return {
    status: 200,
    body: {
      scope: 'https://uri.paypal.com/services/subscriptions https://uri.paypal.com/services/applications/verify-webhook-signature',
      access_token: accessToken,
      token_type: 'Bearer',
      app_id: 'APP-80W284485P519543T',
      expires_in: expiresIn,
      nonce: '2026-01-01T00:00:00ZdgjHvRZ3nVOF0d7pB3jIc',
    },
  };
}

/** The token endpoint's OAuth-style refusal (NOTES §1). */
export const invalidClient: Scripted = {
  status: 401,
  body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
  headers: { 'paypal-debug-id': 'f1e2d3c4b5a69' },
};

/** PayPal's REST error body (NOTES §6.2). */
export function paypalError(
  status: number,
  name: string,
  message: string,
  details: { issue: string; description?: string; field?: string }[] = [],
  headers?: Record<string, string>,
): Scripted {
  return { status, body: { name, message, debug_id: 'b1d2e3f4a5c67', details, links: [] }, ...(headers ? { headers } : {}) };
}

export const notFound = paypalError(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.', [
  { issue: 'INVALID_RESOURCE_ID', description: 'Requested resource ID was not found.' },
]);

export const serverError = paypalError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error has occurred.');

export const SUBSCRIPTION_ID = 'I-BW452GLLEP1G';
export const PLAN_ID = 'P-5ML4271244454362WXNWU5NQ';

/** A subscription as the spec's GET example shows it. */
export function subscriptionSample(overrides: Record<string, unknown> = {}) {
  return {
    id: SUBSCRIPTION_ID,
    plan_id: PLAN_ID,
    start_time: '2026-01-10T07:00:00Z',
    quantity: '1',
    custom_id: 'acct_42',
    shipping_amount: { currency_code: 'USD', value: '0.00' },
    subscriber: { email_address: 'buyer@example.com', payer_id: '2J6QB8YJQSJRJ', name: { given_name: 'John', surname: 'Doe' } },
    billing_info: {
      outstanding_balance: { currency_code: 'USD', value: '0.00' },
      cycle_executions: [
        { tenure_type: 'TRIAL', sequence: 1, cycles_completed: 1, cycles_remaining: 0, current_pricing_scheme_version: 1, total_cycles: 1 },
        { tenure_type: 'REGULAR', sequence: 2, cycles_completed: 3, cycles_remaining: 0, current_pricing_scheme_version: 1, total_cycles: 0 },
      ],
      last_payment: { amount: { currency_code: 'USD', value: '10.00' }, time: '2026-03-10T07:00:05Z' },
      next_billing_time: '2026-04-10T10:00:00Z',
      failed_payments_count: 0,
    },
    create_time: '2026-01-09T21:42:11Z',
    update_time: '2026-03-10T07:00:06Z',
    links: [
      { href: `https://api-m.paypal.com/v1/billing/subscriptions/${SUBSCRIPTION_ID}/cancel`, rel: 'cancel', method: 'POST' },
      { href: `https://api-m.paypal.com/v1/billing/subscriptions/${SUBSCRIPTION_ID}`, rel: 'self', method: 'GET' },
    ],
    status: 'ACTIVE',
    status_update_time: '2026-01-10T07:00:06Z',
    ...overrides,
  };
}

/** What create answers with Prefer: return=representation (NOTES §3.1). */
export function createdSample(overrides: Record<string, unknown> = {}) {
  return {
    id: SUBSCRIPTION_ID,
    plan_id: PLAN_ID,
    custom_id: 'acct_42',
    status: 'APPROVAL_PENDING',
    status_update_time: '2026-01-09T21:42:11Z',
    create_time: '2026-01-09T21:42:11Z',
    links: [
      { href: 'https://www.paypal.com/webapps/billing/subscriptions?ba_token=BA-2M539689T3856352J', rel: 'approve', method: 'GET' },
      { href: `https://api-m.paypal.com/v1/billing/subscriptions/${SUBSCRIPTION_ID}`, rel: 'edit', method: 'PATCH' },
      { href: `https://api-m.paypal.com/v1/billing/subscriptions/${SUBSCRIPTION_ID}`, rel: 'self', method: 'GET' },
    ],
    ...overrides,
  };
}

/** A plan with a free trial month, then monthly at 10.00 USD forever. */
export function planSample(overrides: Record<string, unknown> = {}) {
  return {
    id: PLAN_ID,
    product_id: 'PROD-XXCD1234QWER65782',
    name: 'Pro monthly',
    status: 'ACTIVE',
    billing_cycles: [
      { frequency: { interval_unit: 'MONTH', interval_count: 1 }, tenure_type: 'TRIAL', sequence: 1, total_cycles: 1 },
      {
        frequency: { interval_unit: 'MONTH', interval_count: 1 },
        tenure_type: 'REGULAR',
        sequence: 2,
        total_cycles: 0,
        pricing_scheme: { version: 1, fixed_price: { currency_code: 'USD', value: '10.00' } },
      },
    ],
    payment_preferences: { auto_bill_outstanding: true, payment_failure_threshold: 3 },
    create_time: '2026-01-01T00:00:00Z',
    links: [],
    ...overrides,
  };
}
