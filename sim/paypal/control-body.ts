import type { z } from 'zod';
import { PayPalError } from './api-error';

/** Bodies outside the official files (products, control endpoints) are checked with zod and refused in PayPal's
 *  400 shape, with the same JSON-pointer fields as the spec-checked routes. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new PayPalError(
    400,
    parsed.error.issues.map((issue) => ({
      field: `/${issue.path.join('/')}`,
      location: 'body' as const,
      issue: issue.code === 'invalid_type' && issue.input === undefined ? 'MISSING_REQUIRED_PARAMETER' : 'INVALID_PARAMETER_VALUE',
      description: issue.message,
    })),
  );
}
