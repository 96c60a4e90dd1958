import type { z } from 'zod';
import { SimHttpError } from './api-error';

/** Control endpoints validate their JSON with zod and answer 400 in WHAPI's error shape, like the real routes. */
export function parseControlBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SimHttpError(400, `body${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
