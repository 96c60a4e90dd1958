import { and, eq } from 'drizzle-orm';
import { PAYPAL_MESSAGES } from '../../../contracts/paypal';
import { AppError } from '../../app-error';
import { subscriptions } from '../../db/schema/index';
import { recordAudit, type Actor } from '../audit/record-audit';
import type { PayPalDeps } from './paypal-deps';
import { syncPayPalSubscription, type SyncOutcome } from './sync-paypal-subscription';

export interface ReturnResult {
  outcome: SyncOutcome | 'error';
  message: string | null;
}

async function ownedBy(deps: PayPalDeps, userId: string, ref: string): Promise<string | null> {
  const [row] = await deps.db
    .select({ paypalSubscriptionId: subscriptions.paypalSubscriptionId })
    .from(subscriptions)
    .where(and(eq(subscriptions.id, ref), eq(subscriptions.userId, userId)));
  return row?.paypalSubscriptionId ?? null;
}

/**
 * The buyer is back from PayPal's approval page. The query string is the browser's word only: we read the
 * subscription from PayPal and activate only what PayPal says is ACTIVE, for this user, plan and custom id.
 */
export async function finishPayPalReturn(
  deps: PayPalDeps,
  actor: Actor & { userId: string },
  { ref }: { ref: string; subscriptionId?: string | undefined },
): Promise<ReturnResult> {
  // Our ref (not the query PayPal appended) finds the row: only its owner gets an answer about it.
  const paypalSubscriptionId = await ownedBy(deps, actor.userId, ref);
  if (!paypalSubscriptionId) {
    return { outcome: 'unknown', message: 'We could not find that PayPal subscription on your account.' };
  }
  try {
    const outcome = await syncPayPalSubscription(deps, paypalSubscriptionId, actor);
    const message =
      outcome === 'mismatch' ? PAYPAL_MESSAGES.mismatch : outcome === 'not_active' ? PAYPAL_MESSAGES.notActive : null;
    return { outcome, message };
  } catch (error) {
    // PayPal unreachable right now: webhooks and the daily reconcile will still activate a paid subscription.
    if (error instanceof AppError) return { outcome: 'error', message: `${error.message} ${PAYPAL_MESSAGES.notActive}` };
    throw error;
  }
}

/** The buyer cancelled on PayPal's page: our pending row is closed so it never activates by accident. */
export async function cancelPayPalCheckout(deps: PayPalDeps, actor: Actor & { userId: string }, ref: string | undefined): Promise<void> {
  if (!ref) return;
  await deps.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(subscriptions)
      .set({ status: 'canceled', updatedAt: new Date() })
      .where(
        and(
          eq(subscriptions.id, ref),
          eq(subscriptions.paymentMethod, 'paypal'),
          eq(subscriptions.userId, actor.userId),
          eq(subscriptions.paypalPeriodsCredited, 0),
          eq(subscriptions.isCurrent, false),
        ),
      )
      .returning({ id: subscriptions.id, paypalSubscriptionId: subscriptions.paypalSubscriptionId });
    if (!closed) return;
    await recordAudit(tx, actor, {
      action: 'payment.paypal_checkout_cancel',
      target: { type: 'subscription', id: closed.id, label: null },
      meta: { paypalSubscriptionId: closed.paypalSubscriptionId },
    });
  });
}
