import { and, eq } from 'drizzle-orm';
import { notFound } from '../../app-error';
import { subscriptions } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { PayPalDeps } from './paypal-deps';
import { syncPayPalSubscription } from './sync-paypal-subscription';
import { withPayPalClient } from './with-paypal-client';

/**
 * The user stops their PayPal renewals. Days already paid stay on the service clock (NOTES §8.6: access until the
 * paid end); PayPal's answer decides, and the row is synced from PayPal afterwards.
 */
export async function cancelPayPalSubscription(
  deps: PayPalDeps,
  actor: Actor & { userId: string },
  subscriptionId: string,
  reason: string,
): Promise<void> {
  const [row] = await deps.db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, subscriptionId), eq(subscriptions.userId, actor.userId)));
  if (!row?.paypalSubscriptionId) throw notFound('PayPal subscription');
  const paypalSubscriptionId = row.paypalSubscriptionId;
  await withPayPalClient(deps, (client) => client.cancelSubscription(paypalSubscriptionId, reason));
  await recordAudit(deps.db, actor, {
    action: 'payment.paypal_unsubscribe',
    target: { type: 'subscription', id: row.id, label: null },
    reason,
    meta: { paypalSubscriptionId },
  });
  await syncPayPalSubscription(deps, paypalSubscriptionId, actor);
}
