import type { ErrorObject } from 'ajv';
import { validateRequest as validateAgainstSpec, type RequestDialect, type RequestInput, type ValidRequest } from '../shared/request-validator';
import { PayPalError, type ErrorDetail, type ErrorLocation } from './api-error';
import type { OperationSpec } from '../shared/operation-index';
import type { SpecBundle } from './spec-bundle';

/** Checks a request against its official operation (../shared/request-validator.ts) and answers like PayPal:
 *  400 INVALID_REQUEST with one `details[]` entry per bad field, `field` a JSON pointer (`/application_context/return_url`). */
export type { RequestInput, ValidRequest };

// Descriptions are the spec's own strings for these issues (the operations' *-400 schemas pin them).
const ISSUES: Record<string, { issue: string; description: string }> = {
  required: { issue: 'MISSING_REQUIRED_PARAMETER', description: 'A required field is missing.' },
  maxLength: { issue: 'INVALID_STRING_MAX_LENGTH', description: 'The value of a field is too long.' },
  minLength: { issue: 'INVALID_STRING_MIN_LENGTH', description: 'The value of a field is too short.' },
  minimum: { issue: 'INVALID_INTEGER_MIN_VALUE', description: 'The integer value of a field is too small.' },
  maximum: { issue: 'INVALID_INTEGER_MAX_VALUE', description: 'The integer value of a field is too large.' },
  enum: { issue: 'INVALID_PARAMETER_VALUE', description: 'The value of a field is invalid.' },
  minItems: { issue: 'INVALID_PARAMETER_VALUE', description: 'The value of a field is invalid.' },
  maxItems: { issue: 'INVALID_PARAMETER_VALUE', description: 'The value of a field is invalid.' },
};
const SYNTAX = { issue: 'INVALID_PARAMETER_SYNTAX', description: 'The value of a field does not conform to the expected format.' };
// anyOf/allOf/if report again what their branches already reported.
const COMPOSITE = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'not']);

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
}

export function toErrorDetails(errors: ErrorObject[] | null | undefined, location: ErrorLocation, root: unknown): ErrorDetail[] {
  const details = new Map<string, ErrorDetail>();
  for (const error of errors ?? []) {
    if (COMPOSITE.has(error.keyword)) continue;
    const field = error.keyword === 'required' ? `${error.instancePath}/${String(error.params.missingProperty)}` : error.instancePath || '/';
    const { issue, description } = ISSUES[error.keyword] ?? SYNTAX;
    const value = error.keyword === 'required' ? undefined : valueAt(root, error.instancePath);
    const shown = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    details.set(`${field} ${issue}`, { field, ...(shown !== undefined ? { value: shown } : {}), location, issue, description });
  }
  return [...details.values()];
}

const PAYPAL_DIALECT: RequestDialect = {
  invalid: (errors, location, value) => new PayPalError(400, toErrorDetails(errors, location, value)),
  badPercentEncoding: () =>
    new PayPalError(400, [{ location: 'path', issue: 'INVALID_PARAMETER_SYNTAX', description: 'The path contains an invalid percent-encoding.' }]),
  unsupportedBody: () => new PayPalError(415, [{ location: 'body', issue: 'UNSUPPORTED_MEDIA_TYPE', description: 'Send the body as application/json.' }]),
  missingBody: () => new PayPalError(400, [{ location: 'body', issue: 'MISSING_REQUEST_BODY', description: 'Request body is missing.' }]),
};

export function validateRequest(bundle: SpecBundle, operation: OperationSpec, input: RequestInput): ValidRequest {
  return validateAgainstSpec(bundle, operation, input, PAYPAL_DIALECT);
}
