// The WHAPI adapter's public surface: everything else in this folder is wire detail.
export { createWhapiPartnerClient, type WhapiPartnerClient } from './partner-client';
export { createWhapiGateClient, type WhapiGateClient } from './gate-client';
export { WhapiError, isWhapiError, type WhapiErrorKind } from './errors';
export { parseWhapiWebhook, parsePartnerDaysNotice, type WhapiGateWebhook, type WhapiDaysNotice, type ParsedWebhook } from './webhook';
export { resetWhapiCircuitBreakers } from './resilience';
export type * from './types';
