// The PayPal adapter's public surface: everything else in this folder is wire detail.
export { createPayPalClient, type PayPalClient } from './client';
export { PayPalError, isPayPalError, type PayPalErrorKind } from './errors';
export { readTransmission, parseWebhookEvent, parseSaleResource, parseSubscriptionResource } from './webhook';
export { resetPayPalTokenCache } from './access-token';
export { resetPayPalCircuitBreakers } from './http';
export { PAYPAL_SUBSCRIPTION_STATUSES } from './types';
export type * from './types';
