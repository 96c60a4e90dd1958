import { accessTokens } from './access-token';
import { PayPalError, isPayPalError } from './errors';
import { createPayPalHttp, type PayPalCall, type PayPalReply } from './http';
import { wirePlan, wireSubscription, wireVerifyReply } from './schemas';
import type {
  CreatedSubscription,
  CreateSubscriptionInput,
  PayPalClientOptions,
  PayPalPlan,
  PayPalSubscription,
  PayPalVerificationStatus,
  PayPalWebhookHeaders,
} from './types';
import { readTransmission, verificationBody } from './webhook';

// PayPal REST: Subscriptions v1 and webhook verification (NOTES.md; OpenAPI files in shared/paypal). A client is
// cheap: the server builds one per request from the stored settings, and tokens and breakers outlive it.

export interface PayPalClient {
  /** A Bearer token for these credentials, cached until shortly before it expires. */
  getAccessToken(): Promise<string>;
  getPlan(id: string): Promise<PayPalPlan>;
  /** Retried on outages with the same PayPal-Request-Id, so a lost answer never creates a second subscription. */
  createSubscription(input: CreateSubscriptionInput): Promise<CreatedSubscription>;
  getSubscription(id: string): Promise<PayPalSubscription>;
  /** Never retried: after a failure, GET the subscription (a 422 SUBSCRIPTION_STATUS_INVALID may mean it is done). */
  cancelSubscription(id: string, reason: string): Promise<void>;
  /** Never retried, like cancel. */
  activateSubscription(id: string, reason?: string): Promise<void>;
  /** PayPal's postback check. Missing signature headers or a body that is not one JSON object → FAILURE, no call. */
  verifyWebhookSignature(input: { headers: PayPalWebhookHeaders; webhookId: string; rawBody: string }): Promise<PayPalVerificationStatus>;
}

const seg = (value: string) => encodeURIComponent(value);
const JSON_BODY = (value: unknown) => ({ contentType: 'application/json', text: JSON.stringify(value) });
/** PayPal takes 1–128 characters for a cancel/activate reason (NOTES §3.1); cut by code point, never mid-emoji. */
const clipReason = (reason: string) => Array.from(reason).slice(0, 128).join('');

export function createPayPalClient(options: PayPalClientOptions): PayPalClient {
  const http = createPayPalHttp(options, () => tokens.secrets());
  const tokens = accessTokens(http, {
    baseUrl: options.baseUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    now: options.now ?? Date.now,
  });

  /** NOTES §1: a 401 means our token expired early or was revoked: fetch a new one and try once more. */
  async function authorized(call: Omit<PayPalCall, 'authorization'>): Promise<PayPalReply> {
    const token = await tokens.get();
    try {
      return await http.send({ ...call, authorization: `Bearer ${token}` });
    } catch (error) {
      if (!isPayPalError(error) || error.status !== 401) throw error;
      tokens.drop(token);
      const fresh = await tokens.get();
      return http.send({ ...call, authorization: `Bearer ${fresh}` });
    }
  }

  return {
    getAccessToken: () => tokens.get(),

    async getPlan(id) {
      const operation = 'GET /v1/billing/plans/{id}';
      const reply = await authorized({ method: 'GET', path: `/v1/billing/plans/${seg(id)}`, operation, retry: true, what: 'the plan' });
      return http.parse(wirePlan, reply, operation);
    },

    async createSubscription(input) {
      const operation = 'POST /v1/billing/subscriptions';
      const reply = await authorized({
        method: 'POST',
        path: '/v1/billing/subscriptions',
        operation,
        // NOTES §6.1: the same request id on every attempt makes PayPal answer a replay with the first result.
        headers: { 'paypal-request-id': input.requestId, prefer: 'return=representation' },
        body: JSON_BODY({
          plan_id: input.planId,
          custom_id: input.customId,
          application_context: {
            ...(input.brandName ? { brand_name: input.brandName } : {}),
            shipping_preference: 'NO_SHIPPING',
            // SUBSCRIBE_NOW: PayPal activates on approval, so we never need to call activate (NOTES §3.2).
            user_action: 'SUBSCRIBE_NOW',
            return_url: input.returnUrl,
            cancel_url: input.cancelUrl,
          },
        }),
        retry: true,
        what: 'the plan',
      });
      const subscription = http.parse(wireSubscription, reply, operation);
      const approve = subscription.links.find((link) => link.rel === 'approve');
      if (!approve) {
        throw new PayPalError({
          kind: 'invalid_response',
          operation,
          status: reply.status,
          debugId: reply.debugId,
          lead: 'PayPal created the subscription but sent no approval link',
        });
      }
      return { id: subscription.id, status: subscription.status, approveUrl: approve.href };
    },

    async getSubscription(id) {
      const operation = 'GET /v1/billing/subscriptions/{id}';
      const reply = await authorized({ method: 'GET', path: `/v1/billing/subscriptions/${seg(id)}`, operation, retry: true, what: 'the subscription' });
      return http.parse(wireSubscription, reply, operation);
    },

    async cancelSubscription(id, reason) {
      await authorized({
        method: 'POST',
        path: `/v1/billing/subscriptions/${seg(id)}/cancel`,
        operation: 'POST /v1/billing/subscriptions/{id}/cancel',
        body: JSON_BODY({ reason: clipReason(reason) }),
        // Not retried: it has no request id (NOTES §6.1); the caller re-reads the subscription instead.
        retry: false,
        what: 'the subscription',
      });
    },

    async activateSubscription(id, reason) {
      await authorized({
        method: 'POST',
        path: `/v1/billing/subscriptions/${seg(id)}/activate`,
        operation: 'POST /v1/billing/subscriptions/{id}/activate',
        body: JSON_BODY(reason === undefined ? {} : { reason: clipReason(reason) }),
        retry: false,
        what: 'the subscription',
      });
    },

    async verifyWebhookSignature({ headers, webhookId, rawBody }) {
      const transmission = readTransmission(headers);
      const body = transmission ? verificationBody(transmission, webhookId, rawBody) : null;
      if (!body) return 'FAILURE';
      const operation = 'POST /v1/notifications/verify-webhook-signature';
      const reply = await authorized({
        method: 'POST',
        path: '/v1/notifications/verify-webhook-signature',
        operation,
        body: { contentType: 'application/json', text: body },
        // Not retried: a failed check makes the route answer non-2xx, and PayPal delivers the event again (§5.6).
        retry: false,
      });
      // A bad signature is still HTTP 200: only the field decides (NOTES §5.4).
      return http.parse(wireVerifyReply, reply, operation).verification_status;
    },
  };
}
