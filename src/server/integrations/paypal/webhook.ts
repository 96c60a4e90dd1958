import type { z } from 'zod';
import { wireSale, wireSubscription, wireWebhookEvent } from './schemas';
import type { Parsed, PayPalSale, PayPalSubscription, PayPalTransmission, PayPalWebhookEvent, PayPalWebhookHeaders } from './types';

// Incoming PayPal webhooks (NOTES §5). The route keeps the raw body text: verification must see the exact bytes
// PayPal signed. Events are triggers, not truth: after verifying and storing one, a job re-reads the subscription.

const HEADERS: Record<keyof PayPalTransmission, string> = {
  transmissionId: 'paypal-transmission-id',
  transmissionTime: 'paypal-transmission-time',
  transmissionSig: 'paypal-transmission-sig',
  certUrl: 'paypal-cert-url',
  authAlgo: 'paypal-auth-algo',
};

/** The five signature headers, whatever their case (NOTES §5.3); null when any is missing, empty or repeated. */
export function readTransmission(headers: PayPalWebhookHeaders): PayPalTransmission | null {
  const lookup = headerLookup(headers);
  const out: Partial<PayPalTransmission> = {};
  for (const [field, name] of Object.entries(HEADERS) as [keyof PayPalTransmission, string][]) {
    const value = lookup(name);
    if (value === null) return null;
    out[field] = value;
  }
  return out as PayPalTransmission;
}

function headerLookup(headers: PayPalWebhookHeaders): (name: string) => string | null {
  if (headers instanceof Headers) return (name) => single(headers.get(name));
  // Collected per lower-cased name: the same header twice, in any case, is as suspicious as a repeated one.
  const byName = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), ...(Array.isArray(value) ? value : [value])]);
  }
  return (name) => {
    const values = byName.get(name) ?? [];
    return values.length === 1 ? single(values[0]) : null;
  };
}

function single(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** The event envelope from the raw body text; resource stays unknown until read for its event type. */
export function parseWebhookEvent(rawBody: string): Parsed<PayPalWebhookEvent> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, problem: 'the body is not JSON' };
  }
  return read(wireWebhookEvent, json, 'event');
}

/** `resource` of PAYMENT.SALE.* events: the sale id and the subscription it belongs to (billing_agreement_id). */
export function parseSaleResource(resource: unknown): Parsed<PayPalSale> {
  return read(wireSale, resource, 'sale');
}

/** `resource` of BILLING.SUBSCRIPTION.* events; the job should still GET the subscription before acting. */
export function parseSubscriptionResource(resource: unknown): Parsed<PayPalSubscription> {
  return read(wireSubscription, resource, 'subscription');
}

function read<S extends z.ZodType>(schema: S, value: unknown, what: string): Parsed<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problem = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, problem: `not a readable ${what} (${problem})` };
}

/**
 * The verify-webhook-signature request body with the event spliced in as received, so PayPal checks the bytes it
 * signed rather than our re-serialisation of them (NOTES §5.4, §10). Null when the raw body is not one JSON
 * object: splicing anything else could smuggle extra keys (a second `webhook_id`) into the request.
 */
export function verificationBody(transmission: PayPalTransmission, webhookId: string, rawBody: string): string | null {
  let event: unknown;
  try {
    event = JSON.parse(rawBody);
  } catch {
    return null;
  }
  if (!event || typeof event !== 'object' || Array.isArray(event)) return null;
  const head = JSON.stringify({
    auth_algo: transmission.authAlgo,
    cert_url: transmission.certUrl,
    transmission_id: transmission.transmissionId,
    transmission_sig: transmission.transmissionSig,
    transmission_time: transmission.transmissionTime,
    webhook_id: webhookId,
  });
  return `${head.slice(0, -1)},"webhook_event":${rawBody}}`;
}
