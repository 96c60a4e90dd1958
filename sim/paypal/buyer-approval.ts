import type { SimContext } from './sim-context';
import type { SubscriptionRecord, UserAction } from './state';
import { approveSubscription } from './subscription-lifecycle';

/** What happens when the buyer answers PayPal's approval page, shared by the page's buttons and /__sim. Returns where
 *  PayPal would send the browser: return_url or cancel_url with PayPal's query parameters, or undefined when the
 *  merchant gave no application_context (PayPal then shows its own page). */

function withParams(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export function buyerApproves(sim: SimContext, subscription: SubscriptionRecord, userAction?: UserAction): string | undefined {
  approveSubscription(sim, subscription, userAction);
  if (!subscription.returnUrl) return undefined;
  return withParams(subscription.returnUrl, { subscription_id: subscription.id, ba_token: subscription.baToken, token: subscription.returnToken });
}

/** "Cancel and return": nothing changes, the subscription stays APPROVAL_PENDING. */
export function buyerDeclines(subscription: SubscriptionRecord): string | undefined {
  if (!subscription.cancelUrl) return undefined;
  return withParams(subscription.cancelUrl, { ba_token: subscription.baToken, token: subscription.returnToken });
}
