import { z } from 'zod';
import { PAYPAL_SUBSCRIPTION_STATUSES } from './types';
import type { PayPalLink, PayPalMoney, PayPalPlan, PayPalSale, PayPalSubscription, PayPalWebhookEvent } from './types';

// Wire schemas for the replies we read (official OpenAPI files in shared/paypal, NOTES.md), each transformed into
// our own types. Lenient: unknown fields pass (looseObject) and only the fields we use are required; the enums we
// branch on stay strict, so a status we don't know fails loudly instead of being guessed.

/** RFC 3339 text → Date; text we cannot read becomes null rather than failing the whole reply. */
const dateTime = z
  .string()
  .nullish()
  .transform((value) => {
    if (!value) return null;
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? null : at;
  });

const optString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

const money = z
  .looseObject({ currency_code: z.string(), value: z.string() })
  .transform((m): PayPalMoney => ({ currencyCode: m.currency_code, value: m.value }));

const links = z
  .array(z.looseObject({ href: z.string(), rel: z.string(), method: z.string().nullish() }))
  .nullish()
  .transform((list): PayPalLink[] => (list ?? []).map((l) => ({ href: l.href, rel: l.rel, method: l.method ?? null })));

const tenureType = z.enum(['REGULAR', 'TRIAL']);

// ---- OAuth ------------------------------------------------------------------------------------------------------

export const wireToken = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  /** Seconds; no fixed lifetime (samples 31349, 32400), so trust this value (NOTES §1, §10). */
  expires_in: z.number().nonnegative(),
});

// ---- Errors -----------------------------------------------------------------------------------------------------

/** REST errors (NOTES §6.2). */
export const wireError = z.looseObject({
  name: z.string().nullish(),
  message: z.string().nullish(),
  debug_id: z.string().nullish(),
  details: z.array(z.looseObject({ issue: z.string().nullish(), description: z.string().nullish(), field: z.string().nullish() })).nullish(),
});

/** The token endpoint answers OAuth-style instead: `{error: "invalid_client", error_description}` (NOTES §1). */
export const wireOAuthError = z.looseObject({ error: z.string(), error_description: z.string().nullish() });

// ---- Plans ------------------------------------------------------------------------------------------------------

const billingCycle = z.looseObject({
  tenure_type: tenureType,
  sequence: z.number().int().nullish(),
  total_cycles: z.number().int().nullish(),
  frequency: z.looseObject({
    interval_unit: z.enum(['DAY', 'WEEK', 'MONTH', 'YEAR']),
    interval_count: z.number().int().positive().nullish(),
  }),
  pricing_scheme: z.looseObject({ fixed_price: money.nullish() }).nullish(),
});

export const wirePlan = z
  .looseObject({
    id: z.string().min(1),
    name: optString,
    status: z.enum(['CREATED', 'INACTIVE', 'ACTIVE']),
    billing_cycles: z.array(billingCycle).nullish(),
  })
  .transform(
    (p): PayPalPlan => ({
      id: p.id,
      name: p.name,
      status: p.status,
      billingCycles: (p.billing_cycles ?? []).map((c) => ({
        tenureType: c.tenure_type,
        sequence: c.sequence ?? null,
        totalCycles: c.total_cycles ?? null,
        // The spec's default for interval_count is 1.
        frequency: { intervalUnit: c.frequency.interval_unit, intervalCount: c.frequency.interval_count ?? 1 },
        price: c.pricing_scheme?.fixed_price ?? null,
      })),
    }),
  );

// ---- Subscriptions ----------------------------------------------------------------------------------------------

const billingInfo = z.looseObject({
  cycle_executions: z
    .array(z.looseObject({ tenure_type: tenureType, sequence: z.number().int().nullish(), cycles_completed: z.number().int().nonnegative() }))
    .nullish(),
  last_payment: z.looseObject({ amount: money, time: dateTime }).nullish(),
  next_billing_time: dateTime,
  // Both required by the spec; an "ACTIVE" subscription is not enough on its own (NOTES §8.5).
  failed_payments_count: z.number().int().nonnegative(),
  outstanding_balance: money,
});

export const wireSubscription = z
  .looseObject({
    id: z.string().min(1),
    status: z.enum(PAYPAL_SUBSCRIPTION_STATUSES),
    // A `Prefer: return=minimal` reply carries only id, status and links.
    plan_id: optString,
    custom_id: optString,
    status_update_time: dateTime,
    start_time: dateTime,
    billing_info: billingInfo.nullish(),
    links,
  })
  .transform(
    (s): PayPalSubscription => ({
      id: s.id,
      status: s.status,
      planId: s.plan_id,
      customId: s.custom_id,
      statusUpdateTime: s.status_update_time,
      startTime: s.start_time,
      billingInfo: s.billing_info
        ? {
            cycleExecutions: (s.billing_info.cycle_executions ?? []).map((c) => ({
              tenureType: c.tenure_type,
              sequence: c.sequence ?? null,
              cyclesCompleted: c.cycles_completed,
            })),
            lastPayment: s.billing_info.last_payment ? { amount: s.billing_info.last_payment.amount, time: s.billing_info.last_payment.time } : null,
            nextBillingTime: s.billing_info.next_billing_time,
            failedPaymentsCount: s.billing_info.failed_payments_count,
            outstandingBalance: s.billing_info.outstanding_balance,
          }
        : null,
      links: s.links,
    }),
  );

// ---- Webhooks ---------------------------------------------------------------------------------------------------

export const wireVerifyReply = z.looseObject({ verification_status: z.enum(['SUCCESS', 'FAILURE']) });

export const wireWebhookEvent = z
  .looseObject({
    id: z.string().min(1),
    event_type: z.string().min(1),
    resource_type: optString,
    create_time: dateTime,
    resource: z.unknown(),
  })
  .transform(
    (e): PayPalWebhookEvent => ({
      id: e.id,
      eventType: e.event_type,
      resourceType: e.resource_type,
      createTime: e.create_time,
      resource: e.resource ?? null,
    }),
  );

export const wireSale = z
  .looseObject({
    id: z.string().min(1),
    state: z.string(),
    amount: z.looseObject({ total: z.string(), currency: z.string() }),
    billing_agreement_id: optString,
    create_time: dateTime,
  })
  .transform(
    (s): PayPalSale => ({
      id: s.id,
      state: s.state,
      amount: { total: s.amount.total, currency: s.amount.currency },
      billingAgreementId: s.billing_agreement_id,
      createTime: s.create_time,
    }),
  );
