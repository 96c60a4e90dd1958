import type { BreakerSettings, RetrySettings } from '../http-resilience';

// Our own types for what PayPal tells us. Wire shapes (snake_case, `total` vs `value`) stay in schemas.ts; nothing
// outside this folder should need to know them.

export interface PayPalClientOptions {
  /** https://api-m.sandbox.paypal.com, https://api-m.paypal.com or a simulator; a trailing slash is ignored. */
  baseUrl: string;
  clientId: string;
  /** Never logged, never put in an error (QUALITY K2). */
  clientSecret: string;
  /** Per attempt, including reading the body. Default 15000; anything higher is capped at 15000 (QUALITY O1). */
  timeoutMs?: number;
  log?: { warn(obj: object, msg: string): void };
  fetch?: typeof fetch;
  /** Retries of safe calls only. Defaults: 2 retries (never more than 3), 250 ms base, 4 s cap, Retry-After ≤ 10 s. */
  retry?: RetrySettings;
  /** Shared by every client with the same base URL and settings. Defaults: opens after 5 outages, 30 s. */
  breaker?: BreakerSettings;
  /** The token cache's clock (ms); tests move it forward. */
  now?: () => number;
}

/** A decimal amount as PayPal writes it: `value` is a string such as "10.00", never a float. */
export interface PayPalMoney {
  currencyCode: string;
  value: string;
}

export type PayPalTenureType = 'REGULAR' | 'TRIAL';
export type PayPalIntervalUnit = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
export type PayPalPlanStatus = 'CREATED' | 'INACTIVE' | 'ACTIVE';

export interface PayPalBillingCycle {
  tenureType: PayPalTenureType;
  /** Trials come first; null when PayPal leaves it out. */
  sequence: number | null;
  /** 0 means infinite (REGULAR only); null when PayPal leaves it out (its default is 1). */
  totalCycles: number | null;
  frequency: { intervalUnit: PayPalIntervalUnit; intervalCount: number };
  /** Null for a free trial, which has no pricing scheme. */
  price: PayPalMoney | null;
}

export interface PayPalPlan {
  id: string;
  name: string | null;
  status: PayPalPlanStatus;
  billingCycles: PayPalBillingCycle[];
}

export const PAYPAL_SUBSCRIPTION_STATUSES = ['APPROVAL_PENDING', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'CANCELLED', 'EXPIRED'] as const;
export type PayPalSubscriptionStatus = (typeof PAYPAL_SUBSCRIPTION_STATUSES)[number];

export interface PayPalLink {
  href: string;
  rel: string;
  method: string | null;
}

export interface PayPalCycleExecution {
  tenureType: PayPalTenureType;
  sequence: number | null;
  cyclesCompleted: number;
}

/** Present only once the subscription is or has been active (NOTES §3.4). */
export interface PayPalBillingInfo {
  cycleExecutions: PayPalCycleExecution[];
  /** May lag behind the first charge by tens of minutes in the sandbox (NOTES §10). */
  lastPayment: { amount: PayPalMoney; time: Date | null } | null;
  nextBillingTime: Date | null;
  /** Resets to 0 after a successful payment. */
  failedPaymentsCount: number;
  outstandingBalance: PayPalMoney;
}

export interface PayPalSubscription {
  id: string;
  status: PayPalSubscriptionStatus;
  /** Null only in a minimal reply; a full GET always carries it. */
  planId: string | null;
  /** Our own reference, echoed back: compare it with the user before granting anything (NOTES §8). */
  customId: string | null;
  statusUpdateTime: Date | null;
  startTime: Date | null;
  billingInfo: PayPalBillingInfo | null;
  links: PayPalLink[];
}

export interface CreateSubscriptionInput {
  planId: string;
  /** 1–127 printable ASCII characters: an opaque internal reference, never an email (NOTES §8). */
  customId: string;
  returnUrl: string;
  cancelUrl: string;
  brandName?: string;
  /** Sent as PayPal-Request-Id: the same id on a retry returns the first subscription instead of a second one. */
  requestId: string;
}

export interface CreatedSubscription {
  id: string;
  status: PayPalSubscriptionStatus;
  /** Where to send the buyer to approve (links[rel=approve]). */
  approveUrl: string;
}

/** The five signature headers of a webhook delivery (NOTES §5.3). */
export interface PayPalTransmission {
  transmissionId: string;
  transmissionTime: string;
  transmissionSig: string;
  certUrl: string;
  authAlgo: string;
}

/** Incoming headers as Node or Fetch give them; names are matched case-insensitively. */
export type PayPalWebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export type PayPalVerificationStatus = 'SUCCESS' | 'FAILURE';

export interface PayPalWebhookEvent {
  /** `WH-…`: deduplicate on it. */
  id: string;
  eventType: string;
  resourceType: string | null;
  createTime: Date | null;
  /** Read it with parseSaleResource / parseSubscriptionResource according to `eventType`. */
  resource: unknown;
}

/** A v1 sale (PAYMENT.SALE.*): note `total`/`currency`, not `value`/`currency_code`. */
export interface PayPalSale {
  /** The sale (transaction) id: renewals are credited once per sale id (NOTES §8.4). */
  id: string;
  state: string;
  amount: { total: string; currency: string };
  /** The subscription's `I-…` id; null for a sale that belongs to no subscription. */
  billingAgreementId: string | null;
  createTime: Date | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
