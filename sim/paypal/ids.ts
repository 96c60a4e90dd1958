import { randomBytes, randomInt, randomUUID } from 'node:crypto';

// Shapes copied from PayPal's own samples (NOTES §2, §3, §5 and the spec examples): upper-case letters and digits.
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// Payer ids skip 0, 1, I and O: the spec's account_id pattern is ^[2-9A-HJ-NP-Z]{13}$.
const PAYER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const pick = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

/** `I-BW452GLLEP1G` */
export const newSubscriptionId = (): string => `I-${pick(UPPER_ALNUM, 12)}`;
/** `P-5ML4271244454362WXNWU5NQ` */
export const newPlanId = (): string => `P-${pick(UPPER_ALNUM, 24)}`;
/** `PROD-XXCD1234QWER65782` */
export const newProductId = (): string => `PROD-${pick(UPPER_ALNUM, 17)}`;
/** `BA-2M539689T3856352J`: the approval (billing agreement) token in the approve link */
export const newBaToken = (): string => `BA-${pick(UPPER_ALNUM, 17)}`;
/** the `token` query parameter PayPal adds when it sends the buyer back */
export const newReturnToken = (): string => pick(UPPER_ALNUM, 17);
/** `3LW4497090769582Y`: v1 sale (transaction) ids */
export const newSaleId = (): string => pick(UPPER_ALNUM, 17);
/** `WH-2WR32451HC0233532-67976317FL4543714` */
export const newEventId = (): string => `WH-${pick(UPPER_ALNUM, 17)}-${pick(UPPER_ALNUM, 17)}`;
/** `1JE4291016473214C`; the verify request's webhook_id must match ^[a-zA-Z0-9]+$ */
export const newWebhookId = (): string => pick(UPPER_ALNUM, 17);
export const newPayerId = (): string => pick(PAYER_ALPHABET, 13);
/** PayPal's debug ids are 13 hex digits (`b3b6d3f9a6e1c`) */
export const newDebugId = (): string => randomBytes(7).toString('hex').slice(0, 13);
/** real access tokens start with `A21AA` and run to ~97 characters */
export const newAccessToken = (): string => `A21AA${randomBytes(70).toString('base64url').slice(0, 92)}`;
/** `APP-80W284485P519543T` */
export const newAppId = (): string => `APP-${pick(UPPER_ALNUM, 17)}`;
/** real nonces are the issue time followed by 43 base64url characters */
export const newNonce = (isoTime: string): string => `${isoTime}${randomBytes(32).toString('base64url').slice(0, 43)}`;
/** transmission ids are UUIDs (`69cd13f0-d67a-11e5-baa3-778b53f4ae55`) */
export const newTransmissionId = (): string => randomUUID();
export const newClientId = (): string => `SIM${randomBytes(30).toString('base64url').slice(0, 77)}`;
export const newClientSecret = (): string => `SIM${randomBytes(30).toString('base64url').slice(0, 77)}`;
