import { AppError } from '../../app-error';
import { webhookEvents } from '../../db/schema/index';
import { parseSaleResource, parseWebhookEvent, type PayPalWebhookHeaders } from '../../integrations/paypal/index';
import { applyPayPalEventJob } from './apply-paypal-event-ref';
import type { PayPalDeps } from './paypal-deps';
import { loadPayPalSettings } from './paypal-settings-row';
import { withPayPalClient } from './with-paypal-client';

/**
 * POST /api/webhooks/paypal: verified through PayPal's verify-webhook-signature (with our webhook id), stored
 * once per event id, answered fast; a job applies it (ARCHITECTURE.md "Webhook in"). An event we cannot verify
 * is refused with 400 and leaves nothing behind; a repeat is acknowledged and ignored (W1).
 */
export async function receivePayPalWebhook(
  deps: PayPalDeps,
  { headers, rawBody }: { headers: PayPalWebhookHeaders; rawBody: string },
): Promise<{ stored: boolean }> {
  const parsed = parseWebhookEvent(rawBody);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', `Not a PayPal webhook event: ${parsed.problem}`);
  const event = parsed.value;
  const settings = await loadPayPalSettings(deps.db);
  if (!settings.webhookId) throw new AppError('SERVICE_UNAVAILABLE', 'PayPal webhooks are not set up (no webhook id).');
  const webhookId = settings.webhookId;
  const verdict = await withPayPalClient(deps, (client) => client.verifyWebhookSignature({ headers, webhookId, rawBody }));
  if (verdict !== 'SUCCESS') throw new AppError('VALIDATION_FAILED', 'The PayPal webhook signature could not be verified.');

  const subjectRef = subjectOf(event.eventType, event.resource);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEvents)
      .values({
        source: 'paypal',
        eventKey: event.id,
        eventType: event.eventType,
        subjectRef,
        payload: JSON.parse(rawBody) as object,
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!row) return { stored: false };
    await deps.jobs?.enqueue(applyPayPalEventJob, { eventId: row.id }, { tx });
    return { stored: true };
  });
}

/** The PayPal subscription an event is about: a sale names it as billing_agreement_id, the others are it. */
function subjectOf(eventType: string, resource: unknown): string | null {
  if (eventType.startsWith('PAYMENT.SALE.')) {
    const sale = parseSaleResource(resource);
    return sale.ok ? sale.value.billingAgreementId : null;
  }
  const id = (resource as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
