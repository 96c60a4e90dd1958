/** Everything the simulator remembers, in memory. Field names follow the official schemas where the record is the
 *  resource itself; times are sim-clock milliseconds and are formatted only in the views. */
export interface Money {
  currency_code: string;
  value: string;
}
export type IntervalUnit = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
export interface Frequency {
  interval_unit: IntervalUnit;
  interval_count: number;
}
export interface PricingScheme {
  version: number;
  fixed_price?: Money;
  pricing_model?: 'VOLUME' | 'TIERED';
  tiers?: unknown[];
}
export interface BillingCycle {
  frequency: Frequency;
  tenure_type: 'REGULAR' | 'TRIAL';
  sequence: number;
  /** 0 = until cancelled (REGULAR only) */
  total_cycles: number;
  pricing_scheme?: PricingScheme;
}
export interface PaymentPreferences {
  auto_bill_outstanding: boolean;
  setup_fee?: Money;
  setup_fee_failure_action: 'CONTINUE' | 'CANCEL';
  payment_failure_threshold: number;
}
export interface Taxes {
  percentage: string;
  inclusive: boolean;
}
export type PlanStatus = 'CREATED' | 'INACTIVE' | 'ACTIVE';

export interface ProductRecord {
  id: string;
  name: string;
  type: string;
  description?: string;
  category?: string;
  createTime: number;
  updateTime: number;
}

export interface PlanRecord {
  id: string;
  productId: string;
  name: string;
  description?: string;
  status: PlanStatus;
  billingCycles: BillingCycle[];
  paymentPreferences: PaymentPreferences;
  taxes?: Taxes;
  quantitySupported: boolean;
  createTime: number;
  updateTime: number;
}

export type SubscriptionStatus = 'APPROVAL_PENDING' | 'APPROVED' | 'ACTIVE' | 'SUSPENDED' | 'CANCELLED' | 'EXPIRED';
export type UserAction = 'SUBSCRIBE_NOW' | 'CONTINUE';
export type FailureReason =
  | 'PAYMENT_DENIED'
  | 'INTERNAL_SERVER_ERROR'
  | 'PAYEE_ACCOUNT_RESTRICTED'
  | 'PAYER_ACCOUNT_RESTRICTED'
  | 'PAYER_CANNOT_PAY'
  | 'SENDING_LIMIT_EXCEEDED'
  | 'TRANSACTION_RECEIVING_LIMIT_EXCEEDED'
  | 'CURRENCY_MISMATCH';

export interface CycleProgress {
  cycle: BillingCycle;
  completed: number;
}
/** Exists from the first activation on: the spec says billing_info appears once a subscription is or was active. */
export interface BillingState {
  currency: string;
  cycles: CycleProgress[];
  outstandingMinor: number;
  failedPaymentsCount: number;
  lastPayment?: { minor: number; time: number };
  lastFailedPayment?: { minor: number; time: number; reasonCode: FailureReason };
  nextBillingTime?: number;
  finalPaymentTime?: number;
}

export interface SaleRecord {
  id: string;
  subscriptionId: string;
  minor: number;
  feeMinor: number;
  currency: string;
  time: number;
}

export interface SubscriptionRecord {
  id: string;
  planId: string;
  customId?: string;
  quantity?: string;
  shippingAmount?: Money;
  status: SubscriptionStatus;
  statusChangeNote?: string;
  statusUpdateTime: number;
  startTime: number;
  createTime: number;
  updateTime: number;
  /** what the merchant sent; the buyer's PayPal identity is merged in at approval */
  subscriber?: Record<string, unknown>;
  returnUrl?: string;
  cancelUrl?: string;
  brandName?: string;
  userAction: UserAction;
  noShipping: boolean;
  /** the plan's cycles and preferences with any `plan` override of the create request applied */
  billingCycles: BillingCycle[];
  paymentPreferences: PaymentPreferences;
  taxes?: Taxes;
  planOverridden: boolean;
  baToken: string;
  returnToken: string;
  billing?: BillingState;
  sales: SaleRecord[];
}

export interface WebhookRecord {
  id: string;
  url: string;
  eventTypes: string[];
}

export interface SimState {
  products: Map<string, ProductRecord>;
  plans: Map<string, PlanRecord>;
  subscriptions: Map<string, SubscriptionRecord>;
  webhooks: Map<string, WebhookRecord>;
  /** `PayPal-Request-Id` → the resource the first request created (NOTES §6.1) */
  requestIds: Map<string, { resourceId: string; at: number }>;
  /** every event published, by id, so it can be redelivered */
  events: Map<string, Record<string, unknown>>;
}

export function createState(): SimState {
  return {
    products: new Map(),
    plans: new Map(),
    subscriptions: new Map(),
    webhooks: new Map(),
    requestIds: new Map(),
    events: new Map(),
  };
}

export function findSubscriptionByBaToken(state: SimState, baToken: string): SubscriptionRecord | undefined {
  for (const subscription of state.subscriptions.values()) if (subscription.baToken === baToken) return subscription;
  return undefined;
}
