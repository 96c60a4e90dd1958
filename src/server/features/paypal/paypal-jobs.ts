import { and, eq, inArray, isNotNull, isNull, notInArray, or } from 'drizzle-orm';
import { AppError } from '../../app-error';
import { paypalSales, subscriptions, webhookEvents } from '../../db/schema/index';
import { parseSaleResource } from '../../integrations/paypal/index';
import { defineJob, type JobDefinition } from '../../jobs/define-job';
import { applyPayPalEventJob, reconcilePayPalJob } from './apply-paypal-event-ref';
import { WEBHOOK_APPLY_RETRY } from '../webhook-events/webhook-dead-letter-ref';
import type { PayPalDeps } from './paypal-deps';
import { syncPayPalSubscription, type SyncOutcome } from './sync-paypal-subscription';

// Subscription events we act on; anything else is stored and marked ignored.
const SUBSCRIPTION_EVENTS = new Set([
  'BILLING.SUBSCRIPTION.ACTIVATED',
  'BILLING.SUBSCRIPTION.UPDATED',
  'BILLING.SUBSCRIPTION.CANCELLED',
  'BILLING.SUBSCRIPTION.SUSPENDED',
  'BILLING.SUBSCRIPTION.EXPIRED',
  'BILLING.SUBSCRIPTION.RE-ACTIVATED',
  'BILLING.SUBSCRIPTION.PAYMENT.FAILED',
]);
const FINAL_STATUSES = ['CANCELLED', 'EXPIRED'];

/**
 * Applies one stored event. A sale is recorded once per sale id (its primary key), then — like every other
 * subscription event — the subscription is synced from a fresh GET, so duplicates and reordering have one effect.
 * A PayPal outage throws, and pg-boss retries the job later.
 */
async function applyEvent(deps: PayPalDeps, eventId: number): Promise<void> {
  const [event] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!event || event.processedAt) return;
  let outcome: SyncOutcome | 'ignored' | 'recorded' = 'ignored';
  if (event.eventType === 'PAYMENT.SALE.COMPLETED' && event.subjectRef) {
    const sale = parseSaleResource((event.payload as { resource?: unknown }).resource);
    if (sale.ok) {
      const [owner] = await deps.db.select({ id: subscriptions.id }).from(subscriptions).where(eq(subscriptions.paypalSubscriptionId, event.subjectRef));
      await deps.db
        .insert(paypalSales)
        .values({
          saleId: sale.value.id,
          paypalSubscriptionId: event.subjectRef,
          subscriptionId: owner?.id ?? null,
          amount: sale.value.amount.total,
          currency: sale.value.amount.currency,
        })
        .onConflictDoNothing();
      outcome = await syncPayPalSubscription(deps, event.subjectRef);
    }
  } else if (SUBSCRIPTION_EVENTS.has(event.eventType) && event.subjectRef) {
    outcome = await syncPayPalSubscription(deps, event.subjectRef);
  }
  await deps.db
    .update(webhookEvents)
    .set({ processedAt: new Date(), outcome })
    .where(and(eq(webhookEvents.id, eventId), isNull(webhookEvents.processedAt)));
  deps.log.info({ eventId, eventType: event.eventType, outcome }, 'PayPal event applied');
}

/** Every PayPal subscription of ours that may still change, checked against PayPal one by one. */
export async function reconcilePayPal(deps: PayPalDeps): Promise<Record<string, number>> {
  const open = await deps.db
    .select({ paypalSubscriptionId: subscriptions.paypalSubscriptionId })
    .from(subscriptions)
    .where(
      and(
        isNotNull(subscriptions.paypalSubscriptionId),
        or(isNull(subscriptions.paypalStatus), notInArray(subscriptions.paypalStatus, FINAL_STATUSES)),
        // A checkout the buyer cancelled on PayPal's page never becomes anything.
        inArray(subscriptions.status, ['pending', 'active', 'expired']),
      ),
    );
  const tally: Record<string, number> = {};
  for (const { paypalSubscriptionId } of open) {
    let outcome: string;
    try {
      outcome = await syncPayPalSubscription(deps, paypalSubscriptionId!);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome = 'error';
      deps.log.warn({ paypalSubscriptionId, err: error.message }, 'PayPal reconcile could not read a subscription');
    }
    tally[outcome] = (tally[outcome] ?? 0) + 1;
  }
  deps.log.info({ checked: open.length, ...tally }, 'PayPal subscriptions reconciled');
  return tally;
}

export function paypalJobs(deps: PayPalDeps): JobDefinition[] {
  return [
    defineJob({ ...applyPayPalEventJob, ...WEBHOOK_APPLY_RETRY, handler: ({ eventId }) => applyEvent(deps, eventId) }),
    defineJob({
      ...reconcilePayPalJob,
      cron: '41 4 * * *',
      handler: async () => {
        await reconcilePayPal(deps);
      },
    }),
  ];
}
