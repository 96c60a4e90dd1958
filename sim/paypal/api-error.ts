import { newDebugId } from './ids';

/** PayPal's REST error body (NOTES §6.2, the spec's error_4xx/error_500): `{name, message, debug_id, details[],
 *  links}`. Names and messages are the exact strings the spec's enums allow for each status. */
export type ErrorLocation = 'body' | 'path' | 'query';
export interface ErrorDetail {
  field?: string;
  value?: string;
  location?: ErrorLocation;
  issue: string;
  description?: string;
}

const STANDARD: Record<number, { name: string; message: string }> = {
  400: { name: 'INVALID_REQUEST', message: 'Request is not well-formed, syntactically incorrect, or violates schema.' },
  401: { name: 'AUTHENTICATION_FAILURE', message: 'Authentication failed due to missing authorization header, or invalid authentication credentials.' },
  403: { name: 'NOT_AUTHORIZED', message: 'Authorization failed due to insufficient permissions.' },
  404: { name: 'RESOURCE_NOT_FOUND', message: 'The specified resource does not exist.' },
  405: { name: 'METHOD_NOT_SUPPORTED', message: 'The server does not implement the requested HTTP method.' },
  409: { name: 'RESOURCE_CONFLICT', message: 'The server has detected a conflict while processing this request.' },
  415: { name: 'UNSUPPORTED_MEDIA_TYPE', message: "The server does not support the request payload's media type." },
  422: { name: 'UNPROCESSABLE_ENTITY', message: 'The requested action could not be performed, semantically incorrect, or failed business validation.' },
  429: { name: 'RATE_LIMIT_REACHED', message: 'Too many requests. Blocked due to rate limiting.' },
  500: { name: 'INTERNAL_SERVER_ERROR', message: 'An internal server error occurred.' },
  501: { name: 'NOT_SIMULATED', message: 'The simulator does not implement this operation.' },
  503: { name: 'SERVICE_UNAVAILABLE', message: 'Service Unavailable.' },
};

/** The spec's error_500/error_503 carry no `details`; real 5xx bodies don't either. 501 is ours and says why. */
const hasDetails = (status: number) => status < 500 || status === 501;

export interface ErrorOverrides {
  name?: string;
  message?: string;
  debugId?: string;
}

export function errorBody(status: number, details: ErrorDetail[] = [], overrides: ErrorOverrides = {}) {
  const standard = STANDARD[status] ?? STANDARD[status >= 500 ? 500 : 400]!;
  const name = overrides.name ?? standard.name;
  return {
    name,
    message: overrides.message ?? standard.message,
    debug_id: overrides.debugId ?? newDebugId(),
    ...(hasDetails(status) ? { details } : {}),
    links: [{ href: `https://developer.paypal.com/api/rest/reference/errors/#${details[0]?.issue ?? name}`, rel: 'information_link', method: 'GET' }],
  };
}

/** Thrown by handlers and control routes; the server turns it into `errorBody`. */
export class PayPalError extends Error {
  constructor(
    readonly status: number,
    readonly details: ErrorDetail[] = [],
    readonly overrides: Omit<ErrorOverrides, 'debugId'> = {},
  ) {
    super(overrides.message ?? details[0]?.description ?? STANDARD[status]?.message ?? `HTTP ${status}`);
  }
}

export const notFound = (field: string, value: string, location: ErrorLocation = 'path') =>
  new PayPalError(404, [{ field, value, location, issue: 'INVALID_RESOURCE_ID', description: 'Specified resource ID does not exist. Please check the resource ID and try again.' }]);

export const unprocessable = (issue: string, description: string, field?: string, value?: string) =>
  new PayPalError(422, [{ ...(field ? { field, location: 'body' as const } : {}), ...(value !== undefined ? { value } : {}), issue, description }]);
