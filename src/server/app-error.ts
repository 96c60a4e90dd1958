import { ERROR_CODES, type ErrorCode } from '../contracts/errors';

/**
 * The one error type (STYLE.md). `message` is shown to people as is; `fields` maps a request field to its
 * problem. `headers` lets an error carry e.g. Retry-After or a cookie that clears the session.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: Record<string, string>; headers?: Record<string, string | string[]>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }

  get fields(): Record<string, string> | undefined {
    return this.options.fields;
  }
}

export const notFound = (what = 'That item') => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (message = "You don't have access to that.") => new AppError('FORBIDDEN', message);
export const invalid = (fields: Record<string, string>, message = 'Please correct the highlighted fields.') =>
  new AppError('VALIDATION_FAILED', message, { fields });
