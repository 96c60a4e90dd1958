/** `/payments/paypal/return?ref=…&subscription_id=…` and `/payments/paypal/cancel?ref=…`: what PayPal sends back. */
export interface PayPalReturnSearch {
  ref: string;
  subscription_id?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length <= 128 ? value : undefined);

export function parsePayPalReturnSearch(search: Record<string, unknown>): PayPalReturnSearch {
  const subscriptionId = text(search.subscription_id);
  return { ref: text(search.ref) ?? '', ...(subscriptionId ? { subscription_id: subscriptionId } : {}) };
}

/** `/pricing?paypal=cancelled`: the buyer came back from PayPal without subscribing. */
export interface PricingSearch {
  paypal?: 'cancelled';
}

export function parsePricingSearch(search: Record<string, unknown>): PricingSearch {
  return search.paypal === 'cancelled' ? { paypal: 'cancelled' } : {};
}
