import { isApiError } from './api-client';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** First message per field of a failed contract-schema check: the same words the server would answer. */
export function fieldErrorsFromIssues<K extends string>(issues: readonly Issue[]): FieldErrors<K> {
  const errors: Record<string, string> = {};
  for (const { path, message } of issues) {
    const field = String(path[0] ?? '');
    errors[field] ??= message;
  }
  return errors as FieldErrors<K>;
}

/**
 * Splits a failed submit into messages for the form's own fields and one general message for the rest
 * (wrong credentials, suspended account, network trouble) shown in an alert above the button.
 */
export function submitErrors<K extends string>(error: unknown, fields: readonly K[]): { fields: FieldErrors<K>; general: string | null } {
  if (!error) return { fields: {}, general: null };
  if (!isApiError(error)) return { fields: {}, general: 'Something went wrong. Please try again.' };
  const known: FieldErrors<K> = {};
  for (const field of fields) {
    const message = error.fields[field];
    if (message) known[field] = message;
  }
  return { fields: known, general: Object.keys(known).length > 0 ? null : error.message };
}
