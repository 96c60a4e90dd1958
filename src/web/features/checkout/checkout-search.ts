export const PAYMENT_METHODS = ['paypal', 'offline'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** `?method=paypal|offline`: the button the person clicked on the pricing card, highlighted at checkout. */
export interface CheckoutSearch {
  method?: PaymentMethod;
}

export function parseCheckoutSearch(search: Record<string, unknown>): CheckoutSearch {
  return { method: PAYMENT_METHODS.find((method) => method === search.method) };
}
