import { z } from 'zod';
import { isoDate, paged, pageQuery } from './common';

export const PAYPAL_MODES = ['sandbox', 'live'] as const;
export type PayPalMode = (typeof PAYPAL_MODES)[number];

/** Admin → Settings → PayPal as the admin sees it: the secret only as its last four characters. */
export const paypalSettings = z.object({
  mode: z.enum(PAYPAL_MODES),
  clientId: z.string().nullable(),
  clientSecretLast4: z.string().nullable(),
  webhookId: z.string().nullable(),
  status: z.enum(['missing', 'unverified', 'valid', 'invalid']),
  lastError: z.string().nullable(),
  checkedAt: isoDate.nullable(),
  /** Where PayPal must send webhooks: shown so the admin can register it in PayPal's dashboard. */
  webhookUrl: z.string(),
  /** Where the API calls go (the mode's address, or PAYPAL_API_URL when the operator set one). */
  apiUrl: z.string(),
});
export type PayPalSettings = z.infer<typeof paypalSettings>;
export const paypalSettingsBody = z.object({ settings: paypalSettings });

const credential = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(200, 'At most 200 characters.')
    .regex(/^[\x21-\x7E]+$/, { error: 'Letters, digits and symbols only, without spaces.' });

/** The secret is optional on update: left out, the stored one is kept. */
export const updatePayPalSettingsBody = z.strictObject({
  mode: z.enum(PAYPAL_MODES),
  clientId: credential('client id'),
  clientSecret: credential('client secret').optional(),
  webhookId: z
    .string()
    .trim()
    .max(64, 'At most 64 characters.')
    .regex(/^[A-Za-z0-9-]*$/, { error: 'Letters, digits and "-" only.' })
    .transform((v) => v || null),
});
export type UpdatePayPalSettings = z.infer<typeof updatePayPalSettingsBody>;
export type UpdatePayPalSettingsInput = z.input<typeof updatePayPalSettingsBody>;

/** "Test connection": the token call, then every published paid plan's PayPal plan id looked up. */
export const paypalConnectionResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  plans: z.array(
    z.object({
      planId: z.string(),
      planName: z.string(),
      paypalPlanId: z.string(),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
  settings: paypalSettings,
});
export type PayPalConnectionResult = z.infer<typeof paypalConnectionResult>;

export const startPayPalCheckoutBody = z.strictObject({ planId: z.string().trim().min(1, 'Choose a plan.').max(64) });
/** The browser goes to `approveUrl` (PayPal's approval page) and comes back to our return URL. */
export const startPayPalCheckoutReply = z.object({ approveUrl: z.string(), subscriptionId: z.string() });

/** A PayPal subscription as its owner sees it on the Payments page. */
export const paypalSubscriptionView = z.object({
  id: z.string(),
  planName: z.string(),
  paypalSubscriptionId: z.string(),
  paypalStatus: z.string().nullable(),
  periodsCredited: z.number().int(),
  serviceEndsAt: isoDate.nullable(),
  createdAt: isoDate,
  syncedAt: isoDate.nullable(),
});
export type PayPalSubscriptionView = z.infer<typeof paypalSubscriptionView>;
export const paypalSubscriptionList = z.object({ subscriptions: z.array(paypalSubscriptionView) });

/**
 * The SPA's return page posts what PayPal appended to our return URL (`subscription_id`) and our own `ref`. It is
 * the browser's word only: the server reads the subscription from PayPal before granting anything.
 */
export const paypalReturnBody = z.strictObject({
  ref: z.string().trim().min(1).max(64),
  subscriptionId: z.string().trim().max(64).optional(),
});
export const PAYPAL_RETURN_OUTCOMES = ['activated', 'renewed', 'unchanged', 'status_updated', 'not_active', 'mismatch', 'unknown', 'error'] as const;
export const paypalReturnReply = z.object({ outcome: z.enum(PAYPAL_RETURN_OUTCOMES), message: z.string().nullable() });
export type PayPalReturnReply = z.infer<typeof paypalReturnReply>;
export const paypalCancelCheckoutBody = z.strictObject({ ref: z.string().trim().min(1).max(64) });
export const paypalSubscriptionParams = z.object({ id: z.string().min(1).max(64) });
export const cancelPayPalSubscriptionBody = z.strictObject({
  reason: z.string().trim().min(1, 'Give a reason.').max(128, 'At most 128 characters.'),
});

export const PAYPAL_MESSAGES = {
  unavailable: 'PayPal payments are not available right now. Please use Offline Payment or try again later.',
  notPayPalPlan: 'This plan cannot be paid with PayPal.',
  mismatch: 'PayPal returned a subscription that does not match this plan. Nothing was charged to your plan.',
  notActive: 'PayPal has not activated this subscription yet. We will activate your plan as soon as PayPal confirms it.',
  renewedTitle: 'Your plan was renewed.',
} as const;

/** Admin → Payments → PayPal: every PayPal subscription with its owner. */
export const adminPayPalSubscription = paypalSubscriptionView.extend({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
export type AdminPayPalSubscription = z.infer<typeof adminPayPalSubscription>;
export const adminPayPalQuery = pageQuery;
export const adminPayPalPage = paged(adminPayPalSubscription);
export type AdminPayPalPage = z.infer<typeof adminPayPalPage>;
export const adminPayPalSyncReply = z.object({ outcome: z.enum(PAYPAL_RETURN_OUTCOMES), subscription: adminPayPalSubscription });
