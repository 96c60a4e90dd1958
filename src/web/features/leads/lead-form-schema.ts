import { z } from 'zod';
import { createLeadBody, type CreateLeadInput, type LeadKind } from '../../../contracts/leads';

/** `YYYY-MM-DDTHH:mm` in the browser's time zone: the value format of `<input type="datetime-local">`. */
export function localDateTimeInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The local wall-clock time as an ISO instant; unparseable text is passed on so the contract names the problem. */
function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/**
 * The form's text fields → the API body, checked by the contract itself so the form shows the server's words
 * before a round trip (issue paths stay the field names).
 */
export function leadFormSchema(kind: LeadKind, planId: string | null) {
  return z
    .object({
      name: z.string(),
      email: z.string(),
      phone: z.string(),
      company: z.string(),
      message: z.string(),
      preferredAt: z.string(),
      website: z.string(),
    })
    .transform((values): CreateLeadInput => ({
      kind,
      planId,
      name: values.name,
      email: values.email,
      phone: values.phone,
      company: values.company,
      message: values.message,
      preferredAt: kind === 'demo' ? localToIso(values.preferredAt) : undefined,
      website: values.website || undefined,
    }))
    .pipe(createLeadBody);
}
