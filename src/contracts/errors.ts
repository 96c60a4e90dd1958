import { z } from 'zod';

// The one error shape of the API: every 4xx/5xx body looks like this.
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_SUSPENDED: 403,
  FORBIDDEN: 403,
  PAGE_FORBIDDEN: 403,
  LIMIT_REACHED: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_BALANCE: 409,
  WHAPI_NOT_CONFIGURED: 409,
  EMAIL_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  UPSTREAM_REJECTED: 502,
  UPSTREAM_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

// DOMAIN.md "Messages shown to people": exact text.
export const MESSAGES = {
  accountSuspended: 'Your account is currently suspended. Please contact support.',
  invalidCredentials: 'Invalid email or password.',
  signInRequired: 'Please sign in to continue.',
  tooManyAttempts: 'Too many failed sign-in attempts. Please wait a few minutes and try again.',
  insufficientMainBalance: 'Insufficient main balance. Top up in Admin → Balances.',
} as const;
