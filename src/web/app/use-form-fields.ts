import { useState, type ChangeEvent } from 'react';
import type { ZodType, output } from 'zod';
import { fieldErrorsFromIssues, submitErrors, type FieldErrors } from './form-errors';

/**
 * Text-field state for a form checked against a contract schema: client-side messages on submit (the same
 * words the server uses), then the server's own field messages, each cleared as soon as its field is edited.
 */
export function useFormFields<K extends string>(initial: Record<K, string>, serverError: unknown) {
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors<K>>({});
  const [edited, setEdited] = useState<Partial<Record<K, true>>>({});
  const fields = Object.keys(initial) as K[];
  const server = submitErrors(serverError, fields);

  const errors: FieldErrors<K> = {};
  for (const field of fields) errors[field] = clientErrors[field] ?? (edited[field] ? undefined : server.fields[field]);

  const setValue = (field: K, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...current, [field]: undefined }));
    setEdited((current) => ({ ...current, [field]: true }));
  };

  return {
    values,
    errors,
    generalError: server.general,
    /** For inputs whose onChange hands over a value rather than an event (Select, NumberInput). */
    set: setValue,
    /** Props for a Mantine input bound to `field`. */
    bind: (field: K) => ({
      value: values[field],
      error: errors[field],
      onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(field, event.currentTarget.value),
    }),
    /** Parses the values with `schema`; on failure shows its messages and returns null. */
    validate<S extends ZodType>(schema: S): output<S> | null {
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
        return null;
      }
      setClientErrors({});
      setEdited({});
      return parsed.data;
    },
    reset: (next: Record<K, string> = initial) => {
      setValues(next);
      setClientErrors({});
      setEdited({});
    },
  };
}
