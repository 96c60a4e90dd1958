import { z } from 'zod';

export const isoDate = z.iso.datetime({ offset: true });
export const okBody = z.object({ ok: z.literal(true) });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** The body of a write that reads nothing: an empty closed object (or none), so stray fields are refused. */
export const emptyBody = z.strictObject({}).nullish();
