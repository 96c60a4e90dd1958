import { and, eq } from 'drizzle-orm';
import { PAYPAL_MESSAGES } from '../../../contracts/paypal';
import { AppError, notFound } from '../../app-error';
import { plans, subscriptions } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { PayPalDeps } from './paypal-deps';
import { withPayPalClient } from './with-paypal-client';

/**
 * "Subscribe with PayPal": a pending subscription row of ours is the `custom_id` (NOTES §8: opaque, ours, not
 * forgeable by the browser) and the PayPal-Request-Id, so a retried click returns the same PayPal subscription.
 * The browser is then sent to PayPal's approval page; nothing is granted until PayPal says ACTIVE.
 */
export async function startPayPalCheckout(
  deps: PayPalDeps,
  { actor, planId }: { actor: Actor & { userId: string }; planId: string },
): Promise<{ approveUrl: string; subscriptionId: string }> {
  const [plan] = await deps.db.select().from(plans).where(and(eq(plans.id, planId), eq(plans.status, 'published')));
  if (!plan) throw notFound('Plan');
  if (plan.requestType !== 'paid' || !plan.paypalPlanId) throw new AppError('CONFLICT', PAYPAL_MESSAGES.notPayPalPlan);
  const paypalPlanId = plan.paypalPlanId;

  const [pending] = await deps.db
    .insert(subscriptions)
    .values({ userId: actor.userId, planId: plan.id, status: 'pending', paymentMethod: 'paypal', isCurrent: false })
    .returning();
  const created = await withPayPalClient(deps, (client) =>
    client.createSubscription({
      planId: paypalPlanId,
      customId: pending!.id,
      // PayPal appends its own query (subscription_id on return, only tokens on cancel), so our ref rides along.
      returnUrl: `${deps.appUrl}/payments/paypal/return?ref=${pending!.id}`,
      cancelUrl: `${deps.appUrl}/payments/paypal/cancel?ref=${pending!.id}`,
      brandName: 'OmniPlus WA Tracker',
      requestId: pending!.id,
    }),
  ).catch(async (error: unknown) => {
    // PayPal said no (or nothing): the row was never shown to anyone, so it leaves no trace.
    await deps.db.delete(subscriptions).where(eq(subscriptions.id, pending!.id));
    throw error;
  });
  await deps.db.transaction(async (tx) => {
    await tx
      .update(subscriptions)
      .set({ paypalSubscriptionId: created.id, paypalStatus: created.status, updatedAt: new Date() })
      .where(eq(subscriptions.id, pending!.id));
    await recordAudit(tx, actor, {
      action: 'payment.paypal_start',
      target: { type: 'subscription', id: pending!.id, label: plan.name },
      meta: { paypalSubscriptionId: created.id, paypalPlanId },
    });
  });
  return { approveUrl: created.approveUrl, subscriptionId: created.id };
}
