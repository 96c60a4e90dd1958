import { validateRequest as validateAgainstSpec, type RequestDialect, type RequestInput, type ValidRequest } from '../shared/request-validator';
import { SimHttpError } from './api-error';
import type { OperationSpec } from '../shared/operation-index';
import { describeSchemaErrors, type SpecBundle } from './spec-bundle';

/** Checks a request against its official operation (../shared/request-validator.ts) the way WHAPI answers a
 *  malformed call: 400 `{error:{code,message}}` naming the offending field. */
export type { RequestInput, ValidRequest };

// No missingBody: the partner file never marks bodies required (NOTES §11.3), so a missing body is checked as `{}`.
const WHAPI_DIALECT: RequestDialect = {
  invalid: (errors, location) => new SimHttpError(400, describeSchemaErrors(location, errors)),
  badPercentEncoding: () => new SimHttpError(400, 'path contains an invalid percent-encoding'),
  unsupportedBody: (contentType) =>
    new SimHttpError(415, `Unsupported content type ${contentType ?? '(none)'}: the simulator accepts application/json bodies`),
};

export function validateRequest(bundle: SpecBundle, operation: OperationSpec, input: RequestInput): ValidRequest {
  return validateAgainstSpec(bundle, operation, input, WHAPI_DIALECT);
}
